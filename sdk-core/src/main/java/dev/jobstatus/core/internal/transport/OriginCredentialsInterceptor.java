package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.internal.text.Urls;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Keeps credentials on the base URL's origin: a request carries them from the start (so the common case copies
 * nothing), and a hop to another host, scheme or port goes without them. As a network interceptor it sees every
 * redirect hop, which application interceptors do not.
 */
final class OriginCredentialsInterceptor implements Interceptor {
    private final HttpUrl origin;

    OriginCredentialsInterceptor(HttpUrl origin) {
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
