package dev.jobstatus.core.paging;

import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.PagingException;
import dev.jobstatus.core.internal.text.Text;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * All items of a listing, fetched page by page as they are consumed.
 *
 * <p>Nothing is fetched until iteration starts, and the next page only when the consumer reaches it. Pages
 * already consumed are not kept, so memory stays flat however many items are iterated. Each call to
 * {@link #iterator()}, {@link #stream()} or {@link #byPage()} starts again from the first page. Iteration stops
 * when the API announces no further page. An empty page that still names a next page is followed, not taken for
 * the end; {@value #MAX_EMPTY_PAGES_IN_A_ROW} such pages in a row end iteration with a {@link PagingException}, as
 * does a server that points at a page or cursor it already served. Errors of a page request are the SDK's usual
 * exceptions, thrown from {@code hasNext()}/{@code next()}.
 *
 * <p>Instances are immutable; iterators are not thread-safe.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    /**
     * The most empty pages in a row a listing follows: a server that keeps sending pages without items while naming a
     * next one ends iteration with a {@link PagingException} at the 100th such page.
     */
    public static final int MAX_EMPTY_PAGES_IN_A_ROW = 100;

    private final String provider;
    private final @Nullable PageRef first;
    private final PageFetcher<T> fetcher;
    private final long limit;
    private final @Nullable Function<? super T, ?> key;

    /**
     * Fetches one page of a listing, always with the same options as the first.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface PageFetcher<T> {
        /**
         * Fetches a page.
         *
         * @param ref the page to fetch; {@code null} for the first page of a listing made with
         *     {@link PagedIterable#of(String, PageFetcher)}
         * @return the page
         * @throws JobStatusException if the request fails
         */
        Page<T> fetch(@Nullable PageRef ref);
    }

    private PagedIterable(
            String provider,
            @Nullable PageRef first,
            PageFetcher<T> fetcher,
            long limit,
            @Nullable Function<? super T, ?> key) {
        this.provider = provider;
        this.first = first;
        this.fetcher = fetcher;
        this.limit = limit;
        this.key = key;
    }

    /**
     * {@return a listing whose first page is fetched with a {@code null} reference, as cursor listings are}
     *
     * @param <T> the item type
     * @param provider the provider name, for exceptions
     * @param fetcher fetches a page given where it is
     */
    public static <T> PagedIterable<T> of(String provider, PageFetcher<T> fetcher) {
        return new PagedIterable<>(
                Objects.requireNonNull(provider), null, Objects.requireNonNull(fetcher), Long.MAX_VALUE, null);
    }

    /**
     * {@return a listing that starts at {@code first}, such as page 1 of a page-number listing; a server that points
     * back at it is caught like any other repetition}
     *
     * @param <T> the item type
     * @param provider the provider name, for exceptions
     * @param first the first page
     * @param fetcher fetches a page given where it is
     */
    public static <T> PagedIterable<T> startingAt(String provider, PageRef first, PageFetcher<T> fetcher) {
        return new PagedIterable<>(
                Objects.requireNonNull(provider),
                Objects.requireNonNull(first),
                Objects.requireNonNull(fetcher),
                Long.MAX_VALUE,
                null);
    }

    /**
     * {@return this listing cut to at most {@code maxItems} items; no page beyond the one holding the last of them is
     * fetched}
     *
     * @param maxItems the most items to yield
     * @throws IllegalArgumentException if {@code maxItems} is negative
     */
    public PagedIterable<T> limit(long maxItems) {
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems must not be negative");
        }
        return new PagedIterable<>(provider, first, fetcher, maxItems, key);
    }

    /**
     * {@return this listing without items whose key was already yielded by the same or the previous page: when
     * records are inserted during a page-number listing, a record pushed onto the next page is yielded once} Memory
     * stays bounded by two pages of keys.
     *
     * @param keyOf an item's identity, such as its id
     */
    public PagedIterable<T> distinctBy(Function<? super T, ?> keyOf) {
        return new PagedIterable<>(provider, first, fetcher, limit, Objects.requireNonNull(keyOf));
    }

    @Override
    public Iterator<T> iterator() {
        return new ItemIterator();
    }

    /** {@return the items as a sequential, lazy stream} */
    public Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * {@return the pages themselves, fetched lazily, as the API sent them (neither {@link #limit(long)} nor {@link
     * #distinctBy(Function)} applies to them); empty pages are followed but not yielded}
     */
    public Iterable<Page<T>> byPage() {
        return PageIterator::new;
    }

    /** Walks the pages, refusing any page reference it has already followed. */
    private final class PageIterator implements Iterator<Page<T>> {
        private final Set<PageRef> followed = new HashSet<>();
        private @Nullable PageRef nextRef = first;
        private boolean started;
        private boolean ended;
        private @Nullable Page<T> ahead;

        @Override
        public boolean hasNext() {
            if (ahead == null && !ended) {
                ahead = fetchNext();
            }
            return ahead != null;
        }

        @Override
        public Page<T> next() {
            Page<T> page = hasNext() ? ahead : null;
            if (page == null) {
                throw new NoSuchElementException();
            }
            ahead = null;
            return page;
        }

        /** Fetches pages until one holds items, following empty ones that name a next page. */
        private @Nullable Page<T> fetchNext() {
            for (int empty = 0; ; empty++) {
                if (started && nextRef == null) {
                    ended = true;
                    return null;
                }
                if (nextRef != null && !followed.add(nextRef)) {
                    ended = true;
                    throw new PagingException(
                            provider,
                            provider + " API pointed again at " + describe(nextRef)
                                    + ", which was already served; stopping instead of looping");
                }
                if (empty == MAX_EMPTY_PAGES_IN_A_ROW) {
                    ended = true;
                    throw new PagingException(
                            provider,
                            provider + " API sent " + MAX_EMPTY_PAGES_IN_A_ROW
                                    + " empty pages in a row, each naming a next page (the last named "
                                    + describe(nextRef)
                                    + "); stopping instead of following it further");
                }
                started = true;
                Page<T> page = fetcher.fetch(nextRef);
                if (page == null) {
                    ended = true;
                    return null;
                }
                nextRef = page.next();
                // An empty page is not the end while it names a next one: a server that filters after paging sends
                // them, and the items after it would be lost.
                if (!page.items().isEmpty()) {
                    return page;
                }
            }
        }
    }

    /** A page reference for a message: a cursor is server text, escaped and cut short. */
    private static String describe(@Nullable PageRef ref) {
        return Text.escape(Text.clip(String.valueOf(ref), 200));
    }

    private final class ItemIterator implements Iterator<T> {
        private final PageIterator pages = new PageIterator();
        private final ArrayDeque<T> buffer = new ArrayDeque<>();
        private Set<Object> previousKeys = Set.of();
        private long yielded;

        @Override
        public boolean hasNext() {
            if (yielded >= limit) {
                return false;
            }
            while (buffer.isEmpty() && pages.hasNext()) {
                fill(pages.next());
            }
            return !buffer.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            yielded++;
            return buffer.poll();
        }

        private void fill(Page<T> page) {
            if (key == null) {
                buffer.addAll(page.items());
                return;
            }
            Set<Object> keys = new HashSet<>();
            for (T item : page.items()) {
                Object k = key.apply(item);
                if (!previousKeys.contains(k) && keys.add(k)) {
                    buffer.add(item);
                }
            }
            previousKeys = keys;
        }
    }
}
