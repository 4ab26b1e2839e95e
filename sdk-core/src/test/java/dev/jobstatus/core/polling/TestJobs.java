package dev.jobstatus.core.polling;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.internal.polling.JobWaiters;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.TimeSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A minimal job API for waiter tests: {@code GET /v1/jobs/{id}} → {@code {"id", "status", "done", "total"}}. */
public final class TestJobs {
    private TestJobs() {}

    public record TestJob(String id, String status, Long done, Long total) implements JobView {
        @Override
        public JobState state() {
            return switch (status) {
                case "queued" -> JobState.PENDING;
                case "running" -> JobState.RUNNING;
                case "done" -> JobState.SUCCEEDED;
                case "failed" -> JobState.FAILED;
                default -> JobState.UNKNOWN;
            };
        }

        @Override
        public Progress progress() {
            return new Progress(done, 0L, total);
        }
    }

    static final BodyReader<TestJob> READER = BodyReader.json(TestJob.class);

    public static JobWaiter<TestJob> waiter(HttpTransport transport, String id) {
        ApiRequest request = ApiRequest.get().path("jobs").pathParam("id", id).build();
        return JobWaiters.create(transport, id, request, READER, PollPolicy.defaults(), RequestOptions.defaults());
    }

    public static MockResponse job(String id, String status, long done) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"done\":" + done + ",\"total\":10}")
                .build();
    }

    static HttpTransport.Builder transport(MockWebServer server, TimeSource time) {
        return HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .timeSource(time)
                .retryPolicy(RetryPolicy.builder().fullJitter(false).build());
    }
}
