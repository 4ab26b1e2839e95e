package dev.jobstatus.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from retrying on its own: OkHttp repeats a 503 that carries {@code Retry-After: 0} internally,
 * outside the SDK's retry policy, rate limiter and attempt count. This network interceptor moves the header
 * of a 503 to {@link #HEADER}, which {@link RetryingCall} reads as {@code Retry-After}.
 */
final class HoldRetryAfterInterceptor implements Interceptor {
    static final String HEADER = "Jobstatus-Held-Retry-After";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() != 503 || retryAfter == null) {
            return response;
        }
        return response.newBuilder().removeHeader("Retry-After").header(HEADER, retryAfter).build();
    }
}
