package dev.jobstatus.core.internal.pacing;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from retrying on its own: it repeats a 503 that carries {@code Retry-After: 0} internally, outside the
 * SDK's retry policy, rate limiter and attempt count, so the header of a 503 moves to {@link #HELD_RETRY_AFTER}, which
 * {@code RetryingCall} reads as {@code Retry-After}. A network interceptor, so it sees every hop's response.
 */
public final class HeldRetryAfterInterceptor implements Interceptor {
    public static final String HELD_RETRY_AFTER = "Jobstatus-Held-Retry-After";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() != 503) {
            return response;
        }
        String retryAfter = response.header("Retry-After");
        // OkHttp read the header leniently, but checks the values it is given: held as it came, any character it holds.
        return retryAfter == null
                ? response
                : response.newBuilder()
                        .headers(response.headers()
                                .newBuilder()
                                .removeAll("Retry-After")
                                .addUnsafeNonAscii(HELD_RETRY_AFTER, retryAfter)
                                .build())
                        .build();
    }
}
