package dev.jobstatus.wix;

/**
 * Which items of an async job to list. Every field is optional.
 *
 * @param limit the page size ({@code paging.limit}), at least 1
 * @param cursor where to start ({@code paging.cursor}), from a previous page
 * @param hasError only failed items ({@code true}) or only successful ones ({@code false})
 */
public record AsyncJobItemsQuery(Integer limit, String cursor, Boolean hasError) {
    /**
     * Validates the query.
     *
     * @param limit the page size ({@code paging.limit}), at least 1
     * @param cursor where to start ({@code paging.cursor}), from a previous page
     * @param hasError only failed items ({@code true}) or only successful ones ({@code false})
     * @throws IllegalArgumentException if limit is below 1
     */
    public AsyncJobItemsQuery {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** {@return a query for every item, in Wix's default page size} */
    public static AsyncJobItemsQuery all() {
        return new AsyncJobItemsQuery(null, null, null);
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return this query starting at {@code cursor}}
     *
     * @param cursor a cursor from an earlier page
     */
    public AsyncJobItemsQuery withCursor(String cursor) {
        return new AsyncJobItemsQuery(limit, cursor, hasError);
    }

    /** Builds an {@link AsyncJobItemsQuery}. */
    public static final class Builder {
        private Integer limit;
        private String cursor;
        private Boolean hasError;

        private Builder() {
        }

        /**
         * Sets the page size.
         *
         * @param limit the page size
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
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

        /** {@return the query} */
        public AsyncJobItemsQuery build() {
            return new AsyncJobItemsQuery(limit, cursor, hasError);
        }
    }
}
