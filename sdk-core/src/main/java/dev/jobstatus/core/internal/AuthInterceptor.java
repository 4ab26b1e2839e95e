package dev.jobstatus.core.internal;

import dev.jobstatus.core.auth.AuthHeaders;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the credentials chosen for a call to each network request of it, but only when that request goes
 * to the base URL's origin: a redirect to another host, scheme or port never receives them.
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
        AuthHeaders auth = request.tag(AuthHeaders.class);
        if (auth == null || auth.isEmpty() || !Urls.sameOrigin(origin, request.url())) {
            return chain.proceed(request);
        }
        Request.Builder withAuth = request.newBuilder();
        auth.asMap().forEach(withAuth::header);
        return chain.proceed(withAuth.build());
    }
}
