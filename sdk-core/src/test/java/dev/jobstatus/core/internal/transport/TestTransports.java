package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import mockwebserver3.MockWebServer;

/** Shared set-up for transport tests: a transport aimed at a loopback server, on fake time. */
final class TestTransports {
    /** A policy without jitter, so waits are exact. */
    static final RetryPolicy EXACT = RetryPolicy.builder().fullJitter(false).build();

    private TestTransports() {}

    static HttpTransport.Builder builder(MockWebServer server, ManualTimeSource time) {
        return HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .timeSource(time)
                .retryPolicy(EXACT);
    }

    static ApiRequest getThing(String id) {
        return ApiRequest.get().path("things").pathParam("id", id).build();
    }

    /** The value type most tests map to. */
    record Thing(String id, Integer size) {}

    static final BodyReader<Thing> THING = BodyReader.json(Thing.class);
}
