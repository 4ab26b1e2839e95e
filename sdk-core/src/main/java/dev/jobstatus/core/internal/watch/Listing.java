package dev.jobstatus.core.internal.watch;

import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A provider's listing as a watcher's poll: one round lists what changed since the round before, in as few requests as
 * the listing allows. One instance serves one watcher, which never runs two rounds at once; it may keep state between
 * rounds (where its window starts).
 *
 * @param <J> the job type
 */
public interface Listing<J> {
    /**
     * Lists one round.
     *
     * @param wanted ids of watched jobs no round has seen yet: the round looks for them too, as far as it reasonably can
     * @param watched ids of every job still watched: a round may trust their records more than the rest of the listing
     * @param requests sends the round's requests, within the watcher's deadline and pacing
     * @return a future completed with what the round saw; exceptionally with the request's exception (an
     *     {@link dev.jobstatus.core.exception.ApiException} with a 4xx status, but for a throttle, makes the watcher fall
     *     back to gets)
     */
    CompletableFuture<List<Listed<J>>> round(Set<String> wanted, Set<String> watched, Requests requests);

    /**
     * One record a round saw.
     *
     * @param id the job's id
     * @param job the job as listed
     * @param version what changes whenever the job changes (its update time, its status): a record seen again with the
     *     same version is not reported again
     * @param <J> the job type
     */
    record Listed<J>(String id, J job, Object version) {}

    /** Sends one request of a round, counted as the round's. */
    interface Requests {
        /**
         * Sends {@code request} and maps its body.
         *
         * @param request the request
         * @param reader maps the body
         * @param <T> the body's type
         * @return a future completed with the value
         */
        <T> CompletableFuture<T> send(ApiRequest request, BodyReader<T> reader);
    }
}
