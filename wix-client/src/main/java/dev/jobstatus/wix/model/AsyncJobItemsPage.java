package dev.jobstatus.wix.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an async job's items.
 *
 * @param items the items on this page; never {@code null}
 * @param count how many items this page holds, as Wix reports it, or {@code null}
 * @param nextCursor the cursor of the next page, or {@code null} when this is the last
 * @param prevCursor the cursor of the previous page, or {@code null}
 * @param hasNext whether there is a further page: a non-empty {@code nextCursor}, Wix's public contract (its
 *     {@code hasNext} flag is internal and often absent)
 */
public record AsyncJobItemsPage(
        List<AsyncJobItem> items,
        @Nullable Integer count,
        @Nullable String nextCursor,
        @Nullable String prevCursor,
        boolean hasNext) {
    /**
     * Copies the items.
     *
     * @param items the items on this page; never {@code null}
     * @param count how many items this page holds, as Wix reports it, or {@code null}
     * @param nextCursor the cursor of the next page, or {@code null} when this is the last
     * @param prevCursor the cursor of the previous page, or {@code null}
     * @param hasNext whether there is a further page: a non-empty {@code nextCursor}
     */
    public AsyncJobItemsPage {
        items = items == null
                ? List.of()
                : items.stream().filter(i -> i != null).toList();
    }
}
