package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.internal.errors.ErrorDecoder;
import dev.jobstatus.core.internal.pacing.ThrottleDetector;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.TimeSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Everything one client's calls are made with, as one immutable value: what {@link RetryingCall} needs of its
 * transport, and nothing of OkHttp's set-up or of the transport's lifecycle.
 *
 * @param provider the provider name, such as {@code asana}
 * @param baseUrl the URL request paths resolve under
 * @param credentials the credentials of every authenticated request
 * @param retryPolicy which failures are retried, and when
 * @param rateLimiter the permit every attempt reserves
 * @param time the clock of deadlines, backoffs and expiry
 * @param random the jitter source, numbers in [0, 1)
 * @param errorDecoder reads the provider's error bodies
 * @param throttleDetector recognises the provider's throttles other than 429
 * @param requestIdHeaders the response headers that carry the request id, first match wins
 * @param responseObserver sees the headers of every response
 * @param maxResponseBytes the largest body accepted
 * @param requestHeaders the headers every request starts with: {@code User-Agent}, {@code Accept} and the client's
 *     defaults, built once
 * @param listener told of operations, attempts, retries and throttles
 * @param closing counted down when the transport closes: wakes what waits on the system clock
 */
public record TransportSettings(
        String provider,
        HttpUrl baseUrl,
        CredentialProvider credentials,
        RetryPolicy retryPolicy,
        RateLimiter rateLimiter,
        TimeSource time,
        DoubleSupplier random,
        ErrorDecoder errorDecoder,
        ThrottleDetector throttleDetector,
        List<String> requestIdHeaders,
        Consumer<Headers> responseObserver,
        long maxResponseBytes,
        Headers requestHeaders,
        ClientListener listener,
        CountDownLatch closing) {}
