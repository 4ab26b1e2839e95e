package dev.jobstatus.core.internal.watch;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What a provider client gives a watcher: how to get one job, how to check an id, and its listing if it has one.
 *
 * @param getRequest the request that fetches one job by id
 * @param reader maps a fetched job
 * @param options the resource's retry policy and per-request timeout
 * @param checkId returns the id as the provider spells it, or throws {@link IllegalArgumentException}
 * @param listing makes each watcher's listing, or {@code null} when the provider has none
 * @param <J> the job type
 */
public record WatchSource<J>(
        Function<String, ApiRequest> getRequest,
        BodyReader<J> reader,
        RequestOptions options,
        UnaryOperator<String> checkId,
        @Nullable Supplier<Listing<J>> listing) {}
