package dev.jobstatus.core.internal;

import dev.jobstatus.core.auth.AuthHeaders;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The SDK's rules for every network hop of a call, one interceptor rather than one per rule (each link of OkHttp's
 * chain costs the calling thread some 2 µs a call):
 * <ul>
 *   <li>Credentials stay on the base URL's origin: a request carries them from the start (so the common case copies
 *       nothing), and a hop to another host, scheme or port goes without them. As a network interceptor it sees every
 *       redirect hop, which application interceptors do not.</li>
 *   <li>OkHttp does not retry on its own: it repeats a 503 that carries {@code Retry-After: 0} internally, outside the
 *       SDK's retry policy, rate limiter and attempt count, so the header of a 503 moves to {@link #HELD_RETRY_AFTER},
 *       which {@link RetryingCall} reads as {@code Retry-After}.</li>
 * </ul>
 */
final class HopInterceptor implements Interceptor {
    static final String HELD_RETRY_AFTER = "Jobstatus-Held-Retry-After";

    private final HttpUrl origin;

    HopInterceptor(HttpUrl origin) {
        this.origin = origin;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(withCredentialsOnlyForOrigin(chain.request()));
        if (response.code() != 503) {
            return response;
        }
        String retryAfter = response.header("Retry-After");
        // OkHttp read the header leniently, but checks the values it is given: held as it came, any character it holds.
        return retryAfter == null ? response : response.newBuilder().headers(response.headers().newBuilder()
                .removeAll("Retry-After").addUnsafeNonAscii(HELD_RETRY_AFTER, retryAfter).build()).build();
    }

    private Request withCredentialsOnlyForOrigin(Request request) {
        if (Urls.sameOrigin(origin, request.url())) {
            return request;
        }
        AuthHeaders auth = request.tag(AuthHeaders.class);
        if (auth == null || auth.isEmpty()) {
            return request;
        }
        Request.Builder withoutAuth = request.newBuilder();
        auth.asMap().keySet().forEach(withoutAuth::removeHeader);
        return withoutAuth.build();
    }
}
