package dev.jobstatus.core.paging;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing: its items and what the API said about the rest.
 *
 * @param items the items of this page, in the server's order; never {@code null}
 * @param next where the next page is, or {@code null} when this is the last page
 * @param totalItems how many items match in all, or {@code null} when the API does not say
 * @param totalPages how many pages there are in all, or {@code null} when the API does not say
 * @param <T> the item type
 */
public record Page<T>(
        List<T> items,
        @Nullable PageRef next,
        @Nullable Long totalItems,
        @Nullable Long totalPages) {
    /**
     * Copies the items.
     *
     * @param items the items of this page, in the server's order; {@code null} means none
     * @param next where the next page is, or {@code null} when this is the last page
     * @param totalItems how many items match in all, or {@code null} when the API does not say
     * @param totalPages how many pages there are in all, or {@code null} when the API does not say
     */
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** {@return whether the API announced a further page} */
    public boolean hasNext() {
        return next != null;
    }
}
