package dev.jobstatus.core.internal;

import dev.jobstatus.core.exception.ApiError;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.ConnectionException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.TransportException;
import dev.jobstatus.core.telemetry.ClientListener;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * One logical call across its attempts: its state, and the single place that decides, after each attempt,
 * whether the call is done, is retried, or has failed. Used by both the blocking and the asynchronous path;
 * attempts of one exchange never overlap, so it needs no locking.
 */
final class RetryingCall<T> {
    private static final System.Logger LOG = System.getLogger("dev.jobstatus.core");
    private static final int ERROR_BODY_BYTES = 64 * 1024;
    /** What an exception shows of an answer that holds secrets. */
    static final String WITHHELD = "<withheld: the answer holds credentials>";

    private final TransportSettings transport;
    private final OkHttpClient client;
    private final ApiRequest request;
    private final BodyReader<T> reader;
    private final HttpUrl url;
    private final CallBudget budget;
    private final long deadlineNanos;
    private int attempts;
    private int retries;
    private boolean refreshed;
    private AuthHeaders auth = AuthHeaders.NONE;
    private DeliveryTracker delivery;
    private final ClientListener.Operation operation;
    private ClientListener.Attempt attempt = ClientListener.Attempt.NONE;
    private final AtomicBoolean ended = new AtomicBoolean();

    RetryingCall(TransportSettings transport, OkHttpClient client, ApiRequest request, BodyReader<T> reader,
                 CallBudget budget, ClientListener.@Nullable Operation parent) {
        this.transport = transport;
        this.client = client;
        this.request = request;
        this.reader = reader;
        this.url = request.url(transport.baseUrl());
        this.budget = budget;
        this.deadlineNanos = budget.deadlineNanos();
        this.operation = transport.listener().operationStarted(transport.provider(), request.operation(), request.jobId(), parent);
    }

    /** Tells the listener the call ended, once, with its failure or {@code null}. */
    void ended(@Nullable Throwable error) {
        if (ended.compareAndSet(false, true)) {
            operation.ended(error);
        }
    }

    int attempts() {
        return attempts;
    }

    String provider() {
        return transport.provider();
    }

    /**
     * Reserves a rate-limit permit for the next attempt.
     *
     * @return how long to wait before sending it
     * @throws RequestTimeoutException if the limiter has no permit before the call's deadline
     */
    Duration reservePermit() {
        Duration remaining = Duration.ofNanos(budget.remainingNanos(transport.time().nanoTime()));
        Duration wait = transport.rateLimiter().tryReserve(remaining);
        if (wait == null) {
            Duration next = transport.rateLimiter().nextPermitIn();
            throw new RequestTimeoutException(transport.provider(), attempts, "the client-side rate limit allows no "
                    + transport.provider() + " request for " + describe() + " within the " + remaining.toMillis()
                    + " ms left of the call's " + budget.lengthMillis() + " ms deadline"
                    + (next == null ? "" : " (the next permit is " + next.toMillis() + " ms away)"), null, next);
        }
        if (!wait.isZero()) {
            operation.rateLimited(wait);
        }
        return wait;
    }

    /**
     * Starts the next blocking attempt: counts it and builds its request with fresh credentials, fetched if need be,
     * carrying {@code permit}, which the request takes once its connection is open.
     */
    Request nextRequest(BlockingPermit permit) {
        AuthHeaders ready = credentialsIfReady();
        return nextRequest(ready != null ? ready : credentials()).newBuilder().tag(BlockingPermit.class, permit).build();
    }

    /** Returns the next attempt's credentials if they are at hand without blocking (or none are needed), else null. */
    @Nullable AuthHeaders credentialsIfReady() {
        return request.authenticated() ? transport.credentials().headersIfReady() : AuthHeaders.NONE;
    }

    /** Returns the next attempt's credentials, blocking while a token is fetched, within this call's deadline. */
    AuthHeaders credentials() {
        return request.authenticated() ? budget.bounding(() -> transport.credentials().headers()) : AuthHeaders.NONE;
    }

    /** Starts the next attempt: counts it and builds its request with {@code credentials}. */
    Request nextRequest(AuthHeaders credentials) {
        attempts++;
        auth = credentials;
        Request.Builder builder = new Request.Builder()
                .url(url)
                .headers(transport.requestHeaders())
                .method(request.method(), request.body())
                .tag(AuthHeaders.class, auth);
        request.headers().forEach(builder::header);
        // On the request itself, not added by an interceptor that copies it; HopInterceptor strips them from any
        // hop that leaves the base URL's origin.
        auth.asMap().forEach(builder::header);
        return builder.build();
    }

    /**
     * Creates the call of the attempt {@code next}. OkHttp enforces its timeouts. A request that is not idempotent is
     * watched, so that a failure that provably never reached the server can still be retried.
     */
    Call newCall(Request next) {
        // No attempt starts after the deadline, and none outlives it: its whole-call timeout is the smaller of the
        // client's and the time left, and the call is cancelled when it passes.
        long remaining = budget.remainingNanos(transport.time().nanoTime());
        if (remaining <= 0) {
            throw deadlinePassed(null);
        }
        Call call = client.newCall(next);
        long configured = TimeUnit.MILLISECONDS.toNanos(client.callTimeoutMillis());
        call.timeout().timeout(configured == 0 ? remaining : Math.min(configured, remaining), TimeUnit.NANOSECONDS);
        if (!request.idempotent()) {
            delivery = new DeliveryTracker();
            call.addEventListener(delivery);
        }
        if (operation != ClientListener.Operation.NONE) {
            attempt = operation.attemptStarted(next.method(), url.host(), url.port(), request.urlTemplate(transport.baseUrl()),
                    attempts - 1);
        }
        return call;
    }

    /** Returns whether judging a response of {@code status} may renew the credentials, which can block (a token fetch). */
    boolean mayRenewCredentials(int status) {
        return status == 401 && request.authenticated() && !refreshed;
    }

    /** Judges a response; reads and closes nothing but the body. */
    Outcome<T> onResponse(Response response) {
        int status = response.code();
        attempt.ended(status, null);
        Headers headers = response.headers();
        transport.responseObserver().accept(headers);
        String requestId = requestId(headers);
        String retryAfterValue = headers.get("Retry-After");
        if (retryAfterValue == null) {
            retryAfterValue = headers.get(HopInterceptor.HELD_RETRY_AFTER);
        }
        // The clock is read only for a response that has the header (an HTTP date is relative to it).
        Duration retryAfter = retryAfterValue == null ? null : RetryAfter.parse(retryAfterValue, transport.time().now());
        if (response.isSuccessful()) {
            return onSuccess(response, requestId, retryAfter);
        }
        String body = readErrorBody(response.body());
        DecodedError decoded = decode(status, body, response.message());
        // Only the origin the credentials belong to can reject them: another host, reached by a redirect, never had them.
        if (status == 401 && request.authenticated() && !refreshed && Urls.sameOrigin(transport.baseUrl(), response.request().url())) {
            refreshed = true;
            try {
                if (budget.bounding(() -> transport.credentials().refresh(auth))) {
                    LOG.log(System.Logger.Level.DEBUG, () -> transport.provider() + ": 401 on " + describe() + ", credentials refreshed, retrying");
                    operation.retryScheduled(Duration.ZERO, "http 401");
                    return new Outcome.Retry<>(Duration.ZERO);
                }
            } catch (RequestTimeoutException | InterruptedOperationException gaveUp) {
                // The call ran out of time or was interrupted (perhaps waiting for another's renewal): no credentials failed.
                return new Outcome.Fail<>(gaveUp);
            } catch (JobStatusException renewal) {
                // The caller asked for a resource, not a token: the failure is an authentication failure, which
                // says why the credentials could not be renewed and keeps the token endpoint's error as its cause.
                String message = (decoded.message() == null ? "" : decoded.message() + "; ")
                        + "renewing the credentials failed: " + renewal.getMessage();
                ApiException failure = ApiExceptions.forStatus(new ApiError(transport.provider(), status, requestId,
                        decoded.code(), message, decoded.details(), retryAfter, excerpt(body), attempts, describe()), false);
                failure.initCause(renewal);
                return new Outcome.Fail<>(failure);
            }
        }
        boolean throttled = status == 429 || transport.throttleDetector().isThrottled(status, response.message(), headers, body);
        if (throttled) {
            operation.throttled(status, retryAfter);
        }
        ApiError error = new ApiError(transport.provider(), status, requestId, decoded.code(), decoded.message(),
                decoded.details(), retryAfter, excerpt(body), attempts, describe());
        ApiException failure = ApiExceptions.forStatus(error, throttled);
        boolean retryable = throttled || budget.retryPolicy().retriesStatus(status, request.idempotent());
        return retryOrFail(failure, retryable, retryAfter);
    }

    /** Judges an attempt that got no complete response. */
    Outcome<T> onFailure(IOException e, boolean canceled) {
        attempt.ended(0, e);
        if (e instanceof BlockingPermit.Refused refused) {
            return new Outcome.Fail<>(refused.failure());
        }
        if (Thread.currentThread().isInterrupted()) {
            return new Outcome.Fail<>(new InterruptedOperationException(transport.provider(), attempts, e));
        }
        if (budget.remainingNanos(transport.time().nanoTime()) == 0) {
            return new Outcome.Fail<>(deadlinePassed(e));
        }
        // OkHttp's call timeout cancels the call, and its exception says so.
        IOException cause = e;
        boolean callTimedOut = cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)
                && "timeout".equals(cause.getMessage());
        if (canceled && !callTimedOut) {
            return new Outcome.Fail<>(new ConnectionException(transport.provider(), attempts,
                    transport.provider() + " API call " + describe() + " was canceled", cause));
        }
        boolean timeout = callTimedOut || cause instanceof SocketTimeoutException;
        String detail = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + Text.headerValue(cause.getMessage()));
        TransportException failure = timeout
                ? new RequestTimeoutException(transport.provider(), attempts,
                        transport.provider() + " API did not answer " + describe() + " in time (" + detail + ", attempts " + attempts + ")", cause)
                : new ConnectionException(transport.provider(), attempts,
                        transport.provider() + " API connection failed on " + describe() + " (" + detail + ", attempts " + attempts + ")", cause);
        if (request.idempotent()) {
            return retryOrFail(failure, true, null);
        }
        boolean undelivered = delivery != null && delivery.neverReachedServer(e);
        if (undelivered && delivery.reusedConnection() && retries < budget.retryPolicy().maxRetries()) {
            // The server had closed the pooled connection; a new one is one round trip away, so no backoff.
            retries++;
            LOG.log(System.Logger.Level.DEBUG, () -> transport.provider() + ": " + describe()
                    + " went out on a connection the server had closed, resending at once");
            operation.retryScheduled(Duration.ZERO, "stale connection");
            return new Outcome.Retry<>(Duration.ZERO);
        }
        return retryOrFail(failure, undelivered, null);
    }

    private Outcome<T> onSuccess(Response response, String requestId, Duration retryAfter) {
        ResponseBody body = response.body();
        Buffer bytes;
        try {
            bytes = readCapped(body);
        } catch (BodyTooLargeException e) {
            return new Outcome.Fail<>(malformed(response.code(), requestId, "it is larger than the "
                    + transport.maxResponseBytes() + "-byte cap", "", null));
        } catch (IOException e) {
            return onFailure(e, false);
        }
        // The raw header, not body.contentType(): OkHttp parses that with a regex on every call.
        String type = response.header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
            return new Outcome.Fail<>(malformed(response.code(), requestId, "it is an HTML page (" + type + ")", text(bytes), null));
        }
        if (bytes.size() == 0) {
            return new Outcome.Fail<>(malformed(response.code(), requestId, "it is empty", "", null));
        }
        // Read from the buffer where it is, not from a copy in an array: the parser's own buffer is recycled.
        T value;
        try (PeekingInputStream in = new PeekingInputStream(bytes)) {
            value = reader.read(in);
        } catch (IOException | RuntimeException e) {
            // The parser's exception is not kept as the cause: its message quotes body values, which may be
            // secrets. Its redacted message and the JSON path go into ours instead.
            String problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                problem += " at " + m.getPathReference();
            }
            return new Outcome.Fail<>(malformed(response.code(), requestId,
                    Text.escape(Text.clip(Text.redact(String.valueOf(problem), secrets()), 400)), text(bytes), null));
        }
        if (value == null) {
            return new Outcome.Fail<>(malformed(response.code(), requestId, "it is JSON null", text(bytes), null));
        }
        // Read, not consumed: consumed, its segments go back to Okio's pool. Closing the body does that for OkHttp's
        // own, but not for one an interceptor built from bytes, whose segments would be garbage on every call.
        bytes.clear();
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            // Checked first: the message's lambda would capture, and so allocate, on every call.
            LOG.log(System.Logger.Level.DEBUG, transport.provider() + ": " + describe() + " -> " + response.code() + " (attempt " + attempts + ")");
        }
        return new Outcome.Done<>(new ApiResponse<>(value, response.code(), requestId, retryAfter, attempts));
    }

    /** The call's deadline passed: before an attempt could start, or during one, which OkHttp then cancelled. */
    RequestTimeoutException deadlinePassed(IOException cause) {
        return new RequestTimeoutException(transport.provider(), attempts, transport.provider() + " API call " + describe()
                + " did not finish within its " + budget.lengthMillis() + " ms deadline (attempts " + attempts + ")", cause);
    }

    /** The client was closed before this call ended; {@code cause} is the failure of the attempt it ended, if any. */
    ClientClosedException clientClosed(@Nullable Throwable cause) {
        return new ClientClosedException(transport.provider(), attempts, "the " + transport.provider() + " client was closed before "
                + describe() + " ended (attempts " + attempts + ")", cause);
    }

    private Outcome<T> retryOrFail(RuntimeException failure, boolean retryable, Duration retryAfter) {
        // A server that asks for a longer wait than the policy allows would answer an earlier retry the same way:
        // the call ends now, and the exception carries the delay for the caller to plan with.
        boolean waitTooLong = retryAfter != null && retryAfter.compareTo(budget.retryPolicy().maxDelay()) > 0;
        if (retryable && !waitTooLong && retries < budget.retryPolicy().maxRetries()) {
            Duration delay = budget.retryPolicy().delayBefore(retries + 1, retryAfter, transport.random());
            if (Deadlines.plus(transport.time().nanoTime(), delay) <= deadlineNanos) {
                retries++;
                LOG.log(System.Logger.Level.DEBUG, () -> transport.provider() + ": " + describe() + " failed ("
                        + failure.getClass().getSimpleName() + "), retry " + retries + " in " + delay.toMillis() + " ms");
                operation.retryScheduled(delay, failure instanceof ApiException api
                        ? "http " + api.error().statusCode() : failure.getClass().getSimpleName());
                return new Outcome.Retry<>(delay);
            }
        }
        return new Outcome.Fail<>(failure);
    }

    private MalformedResponseException malformed(int status, String requestId, String problem, String body, Throwable cause) {
        return new MalformedResponseException(transport.provider(), attempts, status, requestId,
                reader.description(), problem, excerpt(body), cause);
    }

    /** Decodes the error body; when it says nothing, a reason phrase other than the status's standard one does. */
    private DecodedError decode(int status, String body, String reason) {
        DecodedError decoded = null;
        try {
            decoded = transport.errorDecoder().decode(status, body);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> transport.provider() + ": error decoder failed: " + e.getClass().getSimpleName());
        }
        if (decoded == null) {
            decoded = GenericErrorDecoder.INSTANCE.decode(status, body);
        }
        if (StatusPhrases.informative(reason) && (decoded == null || decoded.message() == null)) {
            decoded = new DecodedError(decoded == null ? null : decoded.code(), Text.headerValue(reason),
                    decoded == null ? List.of() : decoded.details());
        }
        if (decoded == null) {
            return new DecodedError(null, null, List.of());
        }
        return decoded.safe(secrets());
    }

    private String requestId(Headers headers) {
        for (String name : transport.requestIdHeaders()) {
            String value = Text.headerValue(headers.get(name));
            if (value != null) {
                return Text.redact(value, secrets());
            }
        }
        return null;
    }

    /** Returns the excerpt of {@code body} an exception keeps: none of an answer that holds secrets (a token endpoint's). */
    private String excerpt(String body) {
        return request.answerWithheld() && !body.isEmpty() ? WITHHELD : Text.excerpt(body, secrets());
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(request.secrets());
        for (String value : auth.asMap().values()) {
            secrets.add(value);
            int space = value.indexOf(' ');
            if (space > 0) {
                secrets.add(value.substring(space + 1));
            }
        }
        return secrets;
    }

    private String describe() {
        return request.method() + " " + url.encodedPath();
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
        return bytes.snapshot((int) Math.min(bytes.size(), 4 * Text.EXCERPT_CHARS)).string(StandardCharsets.UTF_8);
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("response body too large");
        }
    }
}
