package dev.jobstatus.core.internal.polling;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.internal.text.Text;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Builds the {@link JobWaiter}s of provider clients: each poll a call through the client's {@link HttpTransport}. */
public final class JobWaiters {
    private JobWaiters() {}

    /**
     * Returns a waiter that polls {@code request} through {@code transport}, for a provider's {@code waiter(id)}.
     *
     * @param transport the client's transport
     * @param jobId the job's id, for messages
     * @param request the request that fetches the job
     * @param reader maps the job
     * @param policy the client's poll policy
     * @param options the retry policy and per-poll timeout of the resource, if it was given any
     */
    public static <J extends JobView> JobWaiter<J> create(
            HttpTransport transport,
            String jobId,
            ApiRequest request,
            BodyReader<J> reader,
            PollPolicy policy,
            RequestOptions options) {
        String provider = transport.provider();
        JobWaiter<J> waiter = JobWaiter.create(
                provider,
                jobId,
                new JobWaiter.PollSource<J>() {
                    @Override
                    public ApiResponse<J> poll(long deadlineNanos) {
                        return poll(deadlineNanos, ClientListener.Operation.NONE);
                    }

                    @Override
                    public CompletableFuture<ApiResponse<J>> pollAsync(long deadlineNanos) {
                        return pollAsync(deadlineNanos, ClientListener.Operation.NONE);
                    }

                    @Override
                    public ClientListener.Operation waitStarted() {
                        return transport.listener().operationStarted(provider, "wait", jobId, null);
                    }

                    @Override
                    public ApiResponse<J> poll(long deadlineNanos, ClientListener.Operation wait) {
                        return transport.execute(request, reader, options, deadlineNanos, wait);
                    }

                    @Override
                    public CompletableFuture<ApiResponse<J>> pollAsync(
                            long deadlineNanos, ClientListener.Operation wait) {
                        return transport.executeAsync(request, reader, options, deadlineNanos, wait);
                    }

                    @Override
                    public Runnable whenClosed(Consumer<? super RuntimeException> onClose) {
                        HttpTransport.Pending wait = () -> onClose.accept(new ClientClosedException(
                                provider,
                                0,
                                "the " + provider + " client was closed while waiting for job " + Text.escape(jobId),
                                null));
                        transport.track(wait);
                        return () -> transport.untrack(wait);
                    }
                },
                transport.time() == TimeSource.system() ? new ClosableSystemTime(transport) : transport.time(),
                transport::scheduler);
        return waiter.policy(policy);
    }

    /** The system clock, whose sleeps (a blocking wait's between polls) the transport's close() ends at once. */
    private static final class ClosableSystemTime implements TimeSource {
        private final HttpTransport transport;

        ClosableSystemTime(HttpTransport transport) {
            this.transport = transport;
        }

        @Override
        public Instant now() {
            return TimeSource.system().now();
        }

        @Override
        public long nanoTime() {
            return TimeSource.system().nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            transport.sleepUnlessClosed(duration);
        }
    }
}
