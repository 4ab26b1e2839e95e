package dev.jobstatus.core.internal.pacing;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a blocking attempt's rate-limit permit (see {@link BlockingPermit}) as a network interceptor: after the
 * connection is open, before the request is written. An asynchronous attempt carries no permit, having waited for
 * its own on the transport's scheduler before it was enqueued: no OkHttp dispatcher thread waits for a permit.
 */
public final class PacingInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        BlockingPermit permit = chain.request().tag(BlockingPermit.class);
        if (permit != null) {
            permit.take(chain.call());
        }
        return chain.proceed(chain.request());
    }
}
