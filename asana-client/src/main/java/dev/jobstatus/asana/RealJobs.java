package dev.jobstatus.asana;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.internal.polling.JobWaiters;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.internal.watch.RealJobWatcher;
import dev.jobstatus.core.internal.watch.WatchSource;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchListener;
import dev.jobstatus.core.watch.WatchOptions;
import java.util.concurrent.CompletableFuture;

/** The one implementation of {@link Jobs}, over the client's transport. */
final class RealJobs implements Jobs {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Job data) {}

    private static final BodyReader<Job> JOB = BodyReader.json(Envelope.class).map(envelope -> {
        if (envelope.data() == null) {
            throw new IllegalArgumentException("the response has no \"data\" object");
        }
        return envelope.data();
    });

    private final HttpTransport transport;
    private final PollPolicy pollPolicy;

    private final RequestOptions options;

    RealJobs(HttpTransport transport, PollPolicy pollPolicy) {
        this(transport, pollPolicy, RequestOptions.defaults());
    }

    private RealJobs(HttpTransport transport, PollPolicy pollPolicy, RequestOptions options) {
        this.transport = transport;
        this.pollPolicy = pollPolicy;
        this.options = options;
    }

    @Override
    public Jobs withOptions(RequestOptions options) {
        return new RealJobs(transport, pollPolicy, java.util.Objects.requireNonNull(options, "options"));
    }

    @Override
    public Job get(String gid, JobOptions options) {
        return transport.execute(request(gid, options), JOB, this.options).value();
    }

    @Override
    public CompletableFuture<Job> getAsync(String gid, JobOptions options) {
        return transport.fetchAsync(request(gid, options), JOB, this.options);
    }

    @Override
    public JobWaiter<Job> waiter(String gid, JobOptions options) {
        return JobWaiters.create(transport, gid, request(gid, options), JOB, pollPolicy, this.options);
    }

    @Override
    public JobWatcher<Job> watcher(
            JobOptions jobOptions, WatchOptions watchOptions, WatchListener<? super Job> listener) {
        java.util.Objects.requireNonNull(jobOptions, "jobOptions");
        PollPolicy policy = watchOptions.policy();
        return RealJobWatcher.start(
                transport,
                new WatchSource<>(
                        gid -> request(gid, jobOptions),
                        JOB,
                        options,
                        gid -> {
                            request(gid, jobOptions);
                            return gid;
                        },
                        null),
                policy != null ? policy : pollPolicy,
                false,
                java.util.Objects.requireNonNull(listener, "listener"));
    }

    private static ApiRequest request(String gid, JobOptions options) {
        return ApiRequest.get()
                .operation("get", gid)
                .path("jobs")
                .pathParam("job_gid", gid)
                .query("opt_fields", options.optFields())
                .query("opt_pretty", options.pretty())
                .build();
    }
}
