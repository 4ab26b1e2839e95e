package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.exception.ApiError;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.ConnectionException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.TransportException;
import dev.jobstatus.core.internal.errors.ApiExceptions;
import dev.jobstatus.core.internal.errors.DecodedError;
import dev.jobstatus.core.internal.pacing.BlockingPermit;
import dev.jobstatus.core.internal.pacing.HeldRetryAfterInterceptor;
import dev.jobstatus.core.internal.pacing.Pacing;
import dev.jobstatus.core.internal.pacing.RetryAfter;
import dev.jobstatus.core.internal.text.Text;
import dev.jobstatus.core.internal.timing.Durations;
import dev.jobstatus.core.telemetry.ClientListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One logical call across its attempts: its state, and the single place that decides, after each attempt, whether the
 * call is done, is retried, or has failed. Reading bodies ({@link ResponseReader}), credentials and their renewal
 * ({@link CredentialRefresh}) and permits ({@link Pacing}) are its parts' jobs. Used by both the blocking and the
 * asynchronous path; attempts of one call never overlap, so it needs no locking.
 */
final class RetryingCall<T> {
    private static final System.Logger LOG = System.getLogger("dev.jobstatus.core");

    private final TransportSettings transport;
    private final OkHttpClient client;
    private final ApiRequest request;
    private final HttpUrl url;
    private final CallBudget budget;
    private final ResponseReader<T> reader;
    private final CredentialRefresh credentials;
    private final Pacing pacing;
    private final ClientListener.Operation operation;
    private final AtomicBoolean ended = new AtomicBoolean();
    private int attempts;
    private int retries;
    private @Nullable DeliveryTracker delivery;
    private ClientListener.Attempt attempt = ClientListener.Attempt.NONE;

    RetryingCall(
            TransportSettings transport,
            OkHttpClient client,
            ApiRequest request,
            BodyReader<T> reader,
            CallBudget budget,
            ClientListener.@Nullable Operation parent) {
        this.transport = transport;
        this.client = client;
        this.request = request;
        this.url = request.url(transport.baseUrl());
        this.budget = budget;
        // A call with no parent of its own made while another's credentials are looked up (a token fetch) is part of
        // that call.
        this.operation = transport
                .listener()
                .operationStarted(
                        transport.provider(),
                        request.operation(),
                        request.jobId(),
                        parent != null ? parent : CredentialRefresh.enclosingOperation());
        this.credentials = new CredentialRefresh(transport, request, budget, operation);
        this.reader = new ResponseReader<>(transport, request, reader, credentials::secrets);
        this.pacing = new Pacing(transport.rateLimiter(), budget.deadline(), operation);
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

    /**
     * Reserves a rate-limit permit for the current attempt.
     *
     * @return how long to wait before sending it
     * @throws RequestTimeoutException if the limiter has no permit before the call's deadline
     */
    Duration reservePermit() {
        return pacing.reserve(attempts, describe());
    }

    /**
     * Starts the next blocking attempt: counts it and builds its request with fresh credentials, fetched if need be,
     * carrying its permit, which it takes once its connection is open, waiting with {@code pause}.
     */
    Request nextRequest(BlockingPermit.Pause pause) {
        AuthHeaders ready = credentials.ifReady();
        Request next = nextRequest(ready != null ? ready : credentials.fetch());
        return next.newBuilder()
                .tag(BlockingPermit.class, pacing.blocking(this::reservePermit, pause))
                .build();
    }

    /** Returns the credentials of the call's attempts. */
    CredentialRefresh credentials() {
        return credentials;
    }

    /** Starts the next attempt: counts it and builds its request with {@code credentials}. */
    Request nextRequest(AuthHeaders credentials) {
        attempts++;
        this.credentials.use(credentials);
        return request.toHttp(url, transport.requestHeaders(), credentials);
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
        // A credential exchange is not followed anywhere: a redirect would carry its form (a password, a client secret)
        // to wherever the answer points. Its 3xx is reported as the endpoint's answer. Token calls are rare: the
        // client derived here shares the connections and threads of the other.
        Call call = (request.answerWithheld()
                        ? client.newBuilder().followRedirects(false).build()
                        : client)
                .newCall(next);
        long configured = TimeUnit.MILLISECONDS.toNanos(client.callTimeoutMillis());
        call.timeout().timeout(configured == 0 ? remaining : Math.min(configured, remaining), TimeUnit.NANOSECONDS);
        delivery = null;
        if (!request.idempotent()) {
            delivery = new DeliveryTracker();
            call.addEventListener(delivery);
        }
        if (operation != ClientListener.Operation.NONE) {
            attempt = operation.attemptStarted(
                    next.method(), url.host(), url.port(), request.urlTemplate(transport.baseUrl()), attempts - 1);
        }
        return call;
    }

    /** Returns whether judging a response of {@code status} may renew the credentials, which can block (a token fetch). */
    boolean mayRenewCredentials(int status) {
        return credentials.mayRenew(status);
    }

    /** Judges a response; reads and closes nothing but the body. */
    Outcome<T> onResponse(Response response) {
        int status = response.code();
        if (attempt != ClientListener.Attempt.NONE) {
            String version = httpVersion(response.protocol());
            if (version != null) {
                attempt.protocol(version);
            }
        }
        attempt.ended(status, null);
        Headers headers = response.headers();
        transport.responseObserver().accept(headers);
        String requestId = reader.requestId(headers);
        String retryAfterValue = headers.get("Retry-After");
        if (retryAfterValue == null) {
            retryAfterValue = headers.get(HeldRetryAfterInterceptor.HELD_RETRY_AFTER);
        }
        // The clock is read only for a response that has the header (an HTTP date is relative to it).
        Duration retryAfter = retryAfterValue == null
                ? null
                : RetryAfter.parse(retryAfterValue, transport.time().now());
        if (response.isSuccessful()) {
            try {
                Outcome<T> read = reader.readSuccess(response, requestId, retryAfter, attempts);
                if (read instanceof Outcome.Done<T> && LOG.isLoggable(System.Logger.Level.DEBUG)) {
                    // Checked first: the message's lambda would capture, and so allocate, on every call.
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            transport.provider() + ": " + describe() + " -> " + status + " (attempt " + attempts + ")");
                }
                return read;
            } catch (IOException e) {
                return onFailure(e, false);
            }
        }
        ResponseReader.ErrorBody body = reader.readError(response);
        DecodedError decoded = body.decoded();
        if (status == 401) {
            Outcome<T> renewal = credentials.onUnauthorized(
                    response.request().url(),
                    describe(),
                    message -> error(status, requestId, decoded, message, retryAfter, body),
                    decoded.message());
            if (renewal != null) {
                if (renewal instanceof Outcome.Retry<T>) {
                    operation.retryScheduled(Duration.ZERO, "http 401");
                }
                return renewal;
            }
        }
        boolean throttled = status == 429
                || transport.throttleDetector().isThrottled(status, response.message(), headers, body.text());
        if (throttled) {
            operation.throttled(status, retryAfter);
        }
        ApiException failure = ApiExceptions.forStatus(
                error(status, requestId, decoded, decoded.message(), retryAfter, body), throttled);
        boolean retryable = throttled || budget.retryPolicy().retriesStatus(status, request.idempotent());
        return retryOrFail(failure, retryable, retryAfter);
    }

    private ApiError error(
            int status,
            @Nullable String requestId,
            DecodedError decoded,
            @Nullable String message,
            @Nullable Duration retryAfter,
            ResponseReader.ErrorBody body) {
        return new ApiError(
                transport.provider(),
                status,
                requestId,
                decoded.code(),
                message,
                decoded.details(),
                retryAfter,
                reader.excerpt(body.text()),
                attempts,
                describe());
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
        boolean callTimedOut = e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)
                && "timeout".equals(e.getMessage());
        if (canceled && !callTimedOut) {
            return new Outcome.Fail<>(new ConnectionException(
                    transport.provider(),
                    attempts,
                    transport.provider() + " API call " + describe() + " was canceled",
                    e));
        }
        TransportException failure = transportFailure(e, callTimedOut || e instanceof SocketTimeoutException);
        if (request.idempotent()) {
            return retryOrFail(failure, true, null);
        }
        boolean undelivered = delivery != null && delivery.neverReachedServer(e);
        if (undelivered
                && delivery.reusedConnection()
                && retries < budget.retryPolicy().maxRetries()) {
            // The server had closed the pooled connection; a new one is one round trip away, so no backoff.
            retries++;
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> transport.provider() + ": " + describe()
                            + " went out on a connection the server had closed, resending at once");
            operation.retryScheduled(Duration.ZERO, "stale connection");
            return new Outcome.Retry<>(Duration.ZERO);
        }
        return retryOrFail(failure, undelivered, null);
    }

    /** The failure of an attempt that got no answer: in time, or at all. */
    private TransportException transportFailure(IOException e, boolean timeout) {
        String detail = e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + Text.headerValue(e.getMessage())) + ", attempts " + attempts;
        String provider = transport.provider();
        return timeout
                ? new RequestTimeoutException(
                        provider,
                        attempts,
                        provider + " API did not answer " + describe() + " in time (" + detail + ")",
                        e)
                : new ConnectionException(
                        provider,
                        attempts,
                        provider + " API connection failed on " + describe() + " (" + detail + ")",
                        e);
    }

    /** The call's deadline passed: before an attempt could start, or during one, which OkHttp then cancelled. */
    RequestTimeoutException deadlinePassed(@Nullable IOException cause) {
        return new RequestTimeoutException(
                transport.provider(),
                attempts,
                transport.provider() + " API call " + describe() + " did not finish within its " + budget.lengthMillis()
                        + " ms deadline (attempts " + attempts + ")",
                cause);
    }

    /** The client was closed before this call ended; {@code cause} is the failure of the attempt it ended, if any. */
    ClientClosedException clientClosed(@Nullable Throwable cause) {
        return new ClientClosedException(
                transport.provider(),
                attempts,
                "the " + transport.provider() + " client was closed before " + describe() + " ended (attempts "
                        + attempts + ")",
                cause);
    }

    private Outcome<T> retryOrFail(RuntimeException failure, boolean retryable, @Nullable Duration retryAfter) {
        // A server that asks for a longer wait than the policy allows would answer an earlier retry the same way:
        // the call ends now, and the exception carries the delay for the caller to plan with.
        boolean waitTooLong =
                retryAfter != null && retryAfter.compareTo(budget.retryPolicy().maxDelay()) > 0;
        if (retryable && !waitTooLong && retries < budget.retryPolicy().maxRetries()) {
            Duration delay = budget.retryPolicy().delayBefore(retries + 1, retryAfter, transport.random());
            if (Durations.plus(transport.time().nanoTime(), delay) <= budget.deadlineNanos()) {
                retries++;
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> transport.provider() + ": " + describe() + " failed ("
                                + failure.getClass().getSimpleName() + "), retry " + retries + " in " + delay.toMillis()
                                + " ms");
                operation.retryScheduled(
                        delay,
                        failure instanceof ApiException api
                                ? "http " + api.error().statusCode()
                                : failure.getClass().getSimpleName());
                return new Outcome.Retry<>(delay);
            }
        }
        return new Outcome.Fail<>(failure);
    }

    /** Returns {@code protocol}'s HTTP version as OpenTelemetry names it, or {@code null} for one it does not name. */
    private static @Nullable String httpVersion(Protocol protocol) {
        return switch (protocol) {
            case HTTP_1_0 -> "1.0";
            case HTTP_1_1 -> "1.1";
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> "2";
            case HTTP_3, QUIC -> "3";
            default -> null;
        };
    }

    private String describe() {
        return request.method() + " " + url.encodedPath();
    }
}
