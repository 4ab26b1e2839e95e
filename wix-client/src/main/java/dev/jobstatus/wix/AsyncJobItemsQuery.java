package dev.jobstatus.wix;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which items of an async job to list: page size, starting cursor and outcome filter. Every value is optional
 * ({@code null} leaves the parameter out). Immutable; build one with {@link #builder()}.
 *
 * <p>The outcome filter can be given either way Wix takes it: {@code hasError} (documented) or the newer
 * {@code status} filter. A status filter other than {@code ALL} is sent together with the {@code hasError} that
 * means the same, so that a server knowing only one of them still filters.
 */
public final class AsyncJobItemsQuery {
    private static final AsyncJobItemsQuery ALL = builder().build();

    private final @Nullable Integer pageSize;
    private final @Nullable String cursor;
    private final @Nullable Boolean hasError;
    private final @Nullable ItemStatusFilter status;

    private AsyncJobItemsQuery(Builder b) {
        if (b.pageSize != null && b.pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        Boolean implied = impliedHasError(b.status);
        if (b.hasError != null && b.status != null && !b.hasError.equals(implied)) {
            throw new IllegalArgumentException("hasError=" + b.hasError + " contradicts the status filter " + b.status);
        }
        this.pageSize = b.pageSize;
        this.cursor = b.cursor;
        this.hasError = b.hasError;
        this.status = b.status;
    }

    /** {@return a query for every item, in Wix's default page size} */
    public static AsyncJobItemsQuery all() {
        return ALL;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the page size ({@code paging.limit}), or {@code null} for Wix's default} */
    public @Nullable Integer pageSize() {
        return pageSize;
    }

    /** {@return where to start ({@code paging.cursor}), or {@code null} for the first page} */
    public @Nullable String cursor() {
        return cursor;
    }

    /** {@return only failed items ({@code true}), only successful ones ({@code false}), or {@code null} for all} */
    public @Nullable Boolean hasError() {
        return hasError;
    }

    /** {@return the outcome filter, or {@code null} for none} */
    public @Nullable ItemStatusFilter status() {
        return status;
    }

    /** {@return the {@code hasError} value sent: the one given, or the one the status filter means; or {@code null}} */
    public @Nullable Boolean effectiveHasError() {
        return hasError != null ? hasError : impliedHasError(status);
    }

    /**
     * {@return this query starting at {@code cursor}}
     *
     * @param cursor a cursor from an earlier page
     */
    public AsyncJobItemsQuery withCursor(String cursor) {
        Builder b = new Builder();
        b.pageSize = pageSize;
        b.hasError = hasError;
        b.status = status;
        b.cursor = cursor;
        return new AsyncJobItemsQuery(b);
    }

    private static @Nullable Boolean impliedHasError(@Nullable ItemStatusFilter status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case ALL -> null;
            case FAILED_ONLY -> Boolean.TRUE;
            case SUCCESSFUL_ONLY -> Boolean.FALSE;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncJobItemsQuery q
                && Objects.equals(pageSize, q.pageSize)
                && Objects.equals(cursor, q.cursor)
                && Objects.equals(hasError, q.hasError)
                && status == q.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pageSize, cursor, hasError, status);
    }

    @Override
    public String toString() {
        return "AsyncJobItemsQuery[pageSize=" + pageSize + ", cursor=" + cursor + ", hasError=" + hasError + ", status="
                + status + "]";
    }

    /** Builds an {@link AsyncJobItemsQuery}; each method is named after the value it sets. */
    public static final class Builder {
        private @Nullable Integer pageSize;
        private @Nullable String cursor;
        private @Nullable Boolean hasError;
        private @Nullable ItemStatusFilter status;

        private Builder() {}

        /**
         * Sets the page size ({@code paging.limit}), at least 1.
         *
         * @param pageSize the page size
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Starts at {@code cursor}.
         *
         * @param cursor a cursor from an earlier page
         * @return this builder
         */
        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        /**
         * Keeps only failed items ({@code true}) or only successful ones ({@code false}).
         *
         * @param hasError whether to keep failed items
         * @return this builder
         */
        public Builder hasError(boolean hasError) {
            this.hasError = hasError;
            return this;
        }

        /**
         * Keeps only the items of one outcome, with Wix's status filter.
         *
         * @param status the outcome
         * @return this builder
         */
        public Builder status(ItemStatusFilter status) {
            this.status = status;
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if the page size is below 1, or {@code hasError} contradicts the status
         */
        public AsyncJobItemsQuery build() {
            return new AsyncJobItemsQuery(this);
        }
    }
}
