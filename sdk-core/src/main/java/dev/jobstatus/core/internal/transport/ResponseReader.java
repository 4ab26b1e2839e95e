package dev.jobstatus.core.internal.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.internal.errors.DecodedError;
import dev.jobstatus.core.internal.errors.ErrorDecoder;
import dev.jobstatus.core.internal.errors.GenericErrorDecoder;
import dev.jobstatus.core.internal.text.StatusPhrases;
import dev.jobstatus.core.internal.text.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads one call's responses: a success's body into its value (capped, mapped by the call's {@link BodyReader}), an
 * error's body into what the provider's {@link ErrorDecoder} says, and the request id; everything it puts into an
 * exception is escaped and has the call's secrets redacted.
 */
public final class ResponseReader<T> {
    private static final System.Logger LOG = System.getLogger("dev.jobstatus.core");
    private static final int ERROR_BODY_BYTES = 64 * 1024;
    /** What an exception shows of an answer that holds secrets. */
    public static final String WITHHELD = "<withheld: the answer holds credentials>";
    /**
     * The error codes of a token endpoint (a request whose answer is withheld)'s answer that an exception may quote: OAuth's (RFC 6749, 5.2) and Wix's. Nothing
     * else of the answer is quoted (its message, details, body or request id): a token endpoint may echo a token anywhere.
     */
    private static final Set<String> QUOTABLE_CODES = Set.of(
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "INVALID_CLIENT",
            "INVALID_GRANT",
            "UNAUTHORIZED");

    private final TransportSettings transport;
    private final ApiRequest request;
    private final BodyReader<T> reader;
    private final Supplier<List<String>> secrets;

    /** An error response's body as read (at most 64 KiB), and what it says. */
    record ErrorBody(String text, DecodedError decoded) {}

    /**
     * Creates the reader of one call's responses.
     *
     * @param secrets the values to redact from what goes into an exception: the request's and its credentials'
     */
    ResponseReader(
            TransportSettings transport, ApiRequest request, BodyReader<T> reader, Supplier<List<String>> secrets) {
        this.transport = transport;
        this.request = request;
        this.reader = reader;
        this.secrets = secrets;
    }

    /**
     * Reads a successful response's body into its value.
     *
     * @return the response, or a failure with a {@link MalformedResponseException} for a body that cannot be mapped
     * @throws IOException if reading the body failed, a failure of the attempt
     */
    Outcome<T> readSuccess(Response response, @Nullable String requestId, @Nullable Duration retryAfter, int attempts)
            throws IOException {
        int status = response.code();
        Buffer bytes;
        try {
            bytes = readCapped(response.body());
        } catch (BodyTooLargeException e) {
            return malformed(
                    status,
                    requestId,
                    "it is larger than the " + transport.maxResponseBytes() + "-byte cap",
                    "",
                    attempts);
        }
        // The raw header, not body.contentType(): OkHttp parses that with a regex on every call.
        String type = response.header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
            return malformed(status, requestId, "it is an HTML page (" + type + ")", text(bytes), attempts);
        }
        if (bytes.size() == 0) {
            return malformed(status, requestId, "it is empty", "", attempts);
        }
        // Read from the buffer where it is, not from a copy in an array: the parser's own buffer is recycled.
        T value;
        try (PeekingInputStream in = new PeekingInputStream(bytes)) {
            value = reader.read(in);
        } catch (IOException | RuntimeException e) {
            // The parser's exception is not kept as the cause: its message quotes body values, which may be
            // secrets. Its redacted message and the JSON path go into ours instead.
            String problem = e instanceof JsonProcessingException j
                    ? j.getOriginalMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                problem += " at " + m.getPathReference();
            }
            return malformed(
                    status,
                    requestId,
                    Text.escape(Text.clip(Text.redact(String.valueOf(problem), secrets.get()), 400)),
                    text(bytes),
                    attempts);
        }
        if (value == null) {
            return malformed(status, requestId, "it is JSON null", text(bytes), attempts);
        }
        // Read, not consumed: consumed, its segments go back to Okio's pool. Closing the body does that for OkHttp's
        // own, but not for one an interceptor built from bytes, whose segments would be garbage on every call.
        bytes.clear();
        return new Outcome.Done<>(new ApiResponse<>(value, status, requestId, retryAfter, attempts));
    }

    /** Reads an error response's body and decodes it; when it says nothing, a reason phrase other than the standard one does. */
    ErrorBody readError(Response response) {
        String body = readErrorBody(response.body());
        int status = response.code();
        DecodedError decoded = null;
        try {
            decoded = transport.errorDecoder().decode(status, body);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> transport.provider() + ": error decoder failed: "
                            + e.getClass().getSimpleName());
        }
        if (decoded == null) {
            decoded = GenericErrorDecoder.INSTANCE.decode(status, body);
        }
        String reason = response.message();
        if (StatusPhrases.informative(reason) && (decoded == null || decoded.message() == null)) {
            decoded = new DecodedError(
                    decoded == null ? null : decoded.code(),
                    Text.headerValue(reason),
                    decoded == null ? List.of() : decoded.details());
        }
        if (decoded == null) {
            return new ErrorBody(body, new DecodedError(null, null, List.of()));
        }
        return new ErrorBody(
                body,
                request.answerWithheld()
                        ? decoded.withheld(QUOTABLE_CODES, secrets.get())
                        : decoded.safe(secrets.get()));
    }

    /** Returns the request id of the first of the transport's request-id headers present, redacted; {@code null} if none. */
    @Nullable
    String requestId(Headers headers) {
        if (request.answerWithheld()) {
            // A token endpoint's headers are its answer too: it may echo a token in any of them.
            return null;
        }
        for (String name : transport.requestIdHeaders()) {
            String value = Text.headerValue(headers.get(name));
            if (value != null) {
                return Text.redact(value, secrets.get());
            }
        }
        return null;
    }

    /** Returns the excerpt of {@code body} an exception keeps: none of an answer that holds secrets (a token endpoint's). */
    String excerpt(String body) {
        return request.answerWithheld() && !body.isEmpty() ? WITHHELD : Text.excerpt(body, secrets.get());
    }

    private Outcome<T> malformed(int status, @Nullable String requestId, String problem, String body, int attempts) {
        return new Outcome.Fail<>(new MalformedResponseException(
                transport.provider(), attempts, status, requestId, reader.description(), problem, excerpt(body), null));
    }

    /** Buffers the whole body, at most the transport's cap. */
    private Buffer readCapped(ResponseBody body) throws IOException {
        long cap = transport.maxResponseBytes();
        if (body.contentLength() > cap) {
            throw new BodyTooLargeException();
        }
        BufferedSource source = body.source();
        Buffer buffer = source.getBuffer();
        while (source.request(buffer.size() + 1)) {
            if (buffer.size() > cap) {
                throw new BodyTooLargeException();
            }
        }
        return buffer;
    }

    private static String readErrorBody(ResponseBody body) {
        try {
            BufferedSource source = body.source();
            source.request(ERROR_BODY_BYTES);
            long n = Math.min(source.getBuffer().size(), ERROR_BODY_BYTES);
            return source.getBuffer().readString(n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String text(Buffer bytes) {
        return bytes.snapshot((int) Math.min(bytes.size(), 4 * Text.EXCERPT_CHARS))
                .string(StandardCharsets.UTF_8);
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("response body too large");
        }
    }
}
