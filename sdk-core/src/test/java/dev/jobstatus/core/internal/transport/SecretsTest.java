package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.exception.BadRequestException;
import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.internal.errors.DecodedError;
import dev.jobstatus.core.internal.errors.ErrorDecoder;
import dev.jobstatus.core.time.ManualTimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String TOKEN = "tok-SECRET-4f2a9";
    private static final String PASSWORD = "pw-SECRET-77";
    private static final String REFRESH = "refresh-SECRET-31";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();
    private final List<String> logLines = new ArrayList<>();
    private final Logger sdkLogger = Logger.getLogger("dev.jobstatus");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getLevel() + " " + record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = sdkLogger.getLevel();
        sdkLogger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        sdkLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        sdkLogger.removeHandler(capture);
        sdkLogger.setLevel(previousLevel);
    }

    @Test
    void toStringNeverShowsASecret() {
        AccessToken token = new AccessToken(TOKEN, Instant.now(), REFRESH);
        CachingTokenProvider caching =
                CachingTokenProvider.builder(previous -> token).build();
        caching.headers();
        List<Object> objects = List.of(
                CredentialProvider.bearerToken(TOKEN),
                CredentialProvider.basic("ann", PASSWORD),
                CredentialProvider.staticHeaders(Map.of("Authorization", TOKEN)),
                token,
                caching,
                AuthHeaders.of("Authorization", "Bearer " + TOKEN),
                TestTransports.builder(server, time)
                        .credentials(CredentialProvider.bearerToken(TOKEN))
                        .build());

        for (Object o : objects) {
            assertThat(o.toString())
                    .doesNotContain(TOKEN, PASSWORD, REFRESH, "cHctU0VDUkVU")
                    .contains("***");
        }
    }

    @Test
    void secretsEchoedByTheServerNeverReachExceptionsOrLogs() {
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(CredentialProvider.bearerToken(TOKEN))
                .build();
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .setHeader("X-Request-Id", TOKEN)
                .body("{\"message\":\"token Bearer " + TOKEN
                        + " is not valid\",\"refresh_token\":\"other-secret-value\"}")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("<html>your token " + TOKEN + " and {\"access_token\":\"minted-secret-9\"}</html>")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"id\":\"" + TOKEN + "\",\"size\":\"" + TOKEN + "\"}")
                .build());

        List<Throwable> failures = List.of(
                catchThrowable(() -> transport.execute(getThing("1"), THING)),
                catchThrowable(() -> transport.execute(getThing("2"), THING)),
                catchThrowable(() -> transport.execute(getThing("3"), THING)));

        for (Throwable failure : failures) {
            String everything = failure + " " + failure.getMessage() + " "
                    + (failure.getCause() == null ? "" : failure.getCause().getMessage());
            assertThat(everything).doesNotContain(TOKEN, "other-secret-value", "minted-secret-9");
        }
        assertThat(failures.get(0).getMessage()).contains("token *** is not valid");
        assertThat(String.join("\n", logLines)).doesNotContain(TOKEN, "other-secret-value", "minted-secret-9");
    }

    @Test
    void errorDetailsAreRedactedAndEscapedLikeTheMessage() {
        // A provider's decoder hands over the details as the server wrote them: the transport cleans them all.
        ErrorDecoder decoder = (status, body) -> new DecodedError(
                "E1",
                "bad request",
                List.of(new ErrorDetail(
                        "Name\nINFO forged line",
                        "token Bearer " + TOKEN + " is invalid\r\n\u001b[2J",
                        Map.of("attemptedValue", "Bearer " + TOKEN + "\n", "help", "see\u202Eevil"))));
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(CredentialProvider.bearerToken(TOKEN))
                .errorDecoder(decoder)
                .build();
        server.enqueue(new MockResponse.Builder().code(400).body("{}").build());

        BadRequestException e =
                catchThrowableOfType(BadRequestException.class, () -> transport.execute(getThing("1"), THING));

        assertThat(e.getMessage())
                .doesNotContain(TOKEN)
                .doesNotContain("\n", "\r", "\u001b")
                .contains("Name\\nINFO forged line: token *** is invalid\\r\\n\\u001b[2J");
        assertThat(e.details()).singleElement().satisfies(detail -> {
            assertThat(detail.field()).isEqualTo("Name\\nINFO forged line");
            assertThat(detail.attributes())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("attemptedValue", "***\\n", "help", "see\\u202eevil"));
        });
    }
}
