package dev.jobstatus.core.internal;

import dev.jobstatus.core.auth.AuthHeaders;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Keeps the credentials of a call to the base URL's origin: a request carries them from the start (so the common
 * case copies nothing), and this interceptor strips them from any hop to another host, scheme or port.
 *
 * <p>It is a network interceptor, so it also sees every redirect hop, which application interceptors do not.
 */
final class AuthInterceptor implements Interceptor {
    private final HttpUrl origin;

    AuthInterceptor(HttpUrl origin) {
        this.origin = origin;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (Urls.sameOrigin(origin, request.url())) {
            return chain.proceed(request);
        }
        AuthHeaders auth = request.tag(AuthHeaders.class);
        if (auth == null || auth.isEmpty()) {
            return chain.proceed(request);
        }
        Request.Builder withoutAuth = request.newBuilder();
        auth.asMap().keySet().forEach(withoutAuth::removeHeader);
        return chain.proceed(withoutAuth.build());
    }
}
