package dev.jobstatus.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.internal.json.Json;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.internal.transport.ResponseReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Calls an OAuth 2.0 token endpoint and reads its standard answer (RFC 6749, 5.1): {@code access_token},
 * {@code expires_in} and an optional {@code refresh_token}. Each provider builds its own request (grant, body
 * format, headers) as a {@link ApiRequest.Builder#credentialExchange credential exchange}; the answer is read here
 * once for all, and no part of it, nor any credential of the request, is ever quoted in an exception.
 */
public final class TokenEndpoint {
    /** A number of seconds as a JSON string, as some servers send {@code expires_in}. */
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d*)?");

    /**
     * The token endpoints' ways of saying the credentials are wrong: OAuth's codes (RFC 6749, 5.2) and Wix's. They come
     * as HTTP 400, but code that catches {@link AuthenticationException} for bad credentials must see them.
     */
    private static final Set<String> CREDENTIALS_REFUSED = Set.of(
            "invalid_grant",
            "invalid_client",
            "unauthorized_client",
            "INVALID_CLIENT",
            "INVALID_GRANT",
            "UNAUTHORIZED");

    private TokenEndpoint() {}

    private static ApiException refusedCredentials(ApiException e) {
        if (e instanceof AuthenticationException
                || e.statusCode() != 400
                || e.errorCode() == null
                || !CREDENTIALS_REFUSED.contains(e.errorCode())) {
            return e;
        }
        AuthenticationException refused = new AuthenticationException(e.error());
        refused.initCause(e);
        return refused;
    }

    /**
     * Sends {@code request} through {@code transport} (its retries, rate limit and errors) and returns the token.
     *
     * @param request a {@link ApiRequest.Builder#credentialExchange credential exchange}
     * @param previousRefreshToken the refresh token to keep when the answer carries none, or {@code null}
     * @throws dev.jobstatus.core.exception.JobStatusException if the endpoint refuses or the call fails
     * @throws MalformedResponseException if the answer holds no usable token
     * @throws IllegalArgumentException if {@code request} is not a credential exchange
     */
    public static AccessToken fetch(
            HttpTransport transport, ApiRequest request, @Nullable String previousRefreshToken) {
        if (!request.answerWithheld()) {
            throw new IllegalArgumentException("a token request is a credential exchange: its answer holds secrets");
        }
        String expected = "an OAuth token answer (JSON with access_token) to " + request.method() + " "
                + request.url(transport.baseUrl()).encodedPath();
        ApiResponse<byte[]> answer;
        try {
            answer = transport.execute(request, new RawAnswer(expected));
        } catch (ApiException e) {
            throw refusedCredentials(e);
        }
        try {
            return read(answer.value(), transport.time().now(), previousRefreshToken);
        } catch (Unusable e) {
            throw new MalformedResponseException(
                    transport.provider(),
                    answer.attempts(),
                    answer.statusCode(),
                    answer.requestId(),
                    expected,
                    e.getMessage(),
                    ResponseReader.WITHHELD,
                    null);
        }
    }

    /** Reads the token from the answer's JSON; a reason for refusing it names fields, never their values. */
    private static AccessToken read(byte[] body, Instant now, @Nullable String previousRefreshToken) throws Unusable {
        JsonNode answer;
        try {
            answer = Json.treeReader().readTree(body);
        } catch (IOException | RuntimeException e) {
            // Not even the parser's message: it quotes the text it could not read.
            throw new Unusable("it is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new Unusable("it is not a JSON object");
        }
        JsonNode token = answer.get("access_token");
        if (token == null || token.isNull()) {
            throw new Unusable("it has no access_token");
        }
        if (!token.isTextual()) {
            throw new Unusable("its access_token is not a string");
        }
        if (token.textValue().isBlank()) {
            throw new Unusable("its access_token is empty");
        }
        if (!sendable(token.textValue())) {
            // OkHttp would refuse the request it goes on with an IllegalArgumentException.
            throw new Unusable("its access_token holds a character no HTTP header can carry (a control character or one"
                    + " outside ASCII)");
        }
        JsonNode refresh = answer.get("refresh_token");
        if (refresh != null && !refresh.isNull() && !refresh.isTextual()) {
            throw new Unusable("its refresh_token is not a string");
        }
        String refreshToken =
                refresh == null || refresh.isNull() || refresh.textValue().isBlank()
                        ? previousRefreshToken
                        : refresh.textValue();
        return new AccessToken(token.textValue(), expiresAt(answer.get("expires_in"), now), refreshToken);
    }

    /** Returns whether {@code token} can be sent in an HTTP header: visible ASCII, spaces and tabs. */
    private static boolean sendable(String token) {
        return token.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }

    /**
     * Returns when a token that lives {@code expiresIn} seconds from {@code now} expires: {@code null} when the answer
     * does not say, {@link Instant#MAX} for a lifetime beyond any instant (it never expires that we could tell).
     */
    private static @Nullable Instant expiresAt(@Nullable JsonNode expiresIn, Instant now) throws Unusable {
        if (expiresIn == null || expiresIn.isNull()) {
            return null;
        }
        BigDecimal seconds;
        if (expiresIn.isIntegralNumber() || expiresIn.isBigDecimal()) {
            seconds = expiresIn.decimalValue();
        } else if (expiresIn.isFloatingPointNumber()) {
            double value = expiresIn.doubleValue();
            // Infinite when it overflowed a double: as long a lifetime as any.
            seconds = Double.isInfinite(value)
                    ? BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(Math.signum(value)))
                    : BigDecimal.valueOf(value);
        } else if (expiresIn.isTextual()
                && SECONDS.matcher(expiresIn.textValue().strip()).matches()) {
            String text = expiresIn.textValue().strip();
            int dot = text.indexOf('.');
            String whole = dot < 0 ? text : text.substring(0, dot);
            // More digits than a long's are a lifetime beyond any instant: saturated below without parsing them all.
            seconds = whole.length() > 18 ? BigDecimal.valueOf(Long.MAX_VALUE) : new BigDecimal(whole);
        } else {
            throw new Unusable("its expires_in is not a number of seconds");
        }
        if (seconds.signum() < 0) {
            throw new Unusable("its expires_in is negative");
        }
        long room = Instant.MAX.getEpochSecond() - now.getEpochSecond();
        return seconds.compareTo(BigDecimal.valueOf(room)) >= 0 ? Instant.MAX : now.plusSeconds(seconds.longValue());
    }

    /** Reads the answer as it is, so that only {@link #read} looks into it (and quotes none of it). */
    private record RawAnswer(String description) implements BodyReader<byte[]> {
        @Override
        public byte[] read(InputStream body) throws IOException {
            return body.readAllBytes();
        }
    }

    /** Why an answer holds no usable token. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String why) {
            super(why, null, false, false);
        }
    }
}
