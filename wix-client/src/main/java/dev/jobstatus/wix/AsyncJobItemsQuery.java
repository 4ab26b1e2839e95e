package dev.jobstatus.wix;

/**
 * Which items of an async job to list. Every field is optional.
 *
 * <p>The outcome filter can be given either way Wix takes it: {@code hasError} (documented) or the newer
 * {@code status} filter. A status filter other than {@code ALL} is sent together with the {@code hasError} that
 * means the same, so that a server knowing only one of them still filters.
 *
 * @param limit the page size ({@code paging.limit}), at least 1
 * @param cursor where to start ({@code paging.cursor}), from a previous page
 * @param hasError only failed items ({@code true}) or only successful ones ({@code false})
 * @param status only the items of this outcome
 */
public record AsyncJobItemsQuery(Integer limit, String cursor, Boolean hasError, ItemStatusFilter status) {
    /**
     * Validates the query.
     *
     * @param limit the page size ({@code paging.limit}), at least 1
     * @param cursor where to start ({@code paging.cursor}), from a previous page
     * @param hasError only failed items ({@code true}) or only successful ones ({@code false})
     * @param status only the items of this outcome
     * @throws IllegalArgumentException if limit is below 1, or {@code hasError} and {@code status} contradict
     *     each other
     */
    public AsyncJobItemsQuery {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Boolean implied = impliedHasError(status);
        if (hasError != null && status != null && !hasError.equals(implied)) {
            throw new IllegalArgumentException("hasError=" + hasError + " contradicts the status filter " + status);
        }
    }

    /** {@return the {@code hasError} value sent: the one given, or the one the status filter means} */
    public Boolean effectiveHasError() {
        return hasError != null ? hasError : impliedHasError(status);
    }

    private static Boolean impliedHasError(ItemStatusFilter status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case ALL -> null;
            case FAILED_ONLY -> Boolean.TRUE;
            case SUCCESSFUL_ONLY -> Boolean.FALSE;
        };
    }

    /** {@return a query for every item, in Wix's default page size} */
    public static AsyncJobItemsQuery all() {
        return new AsyncJobItemsQuery(null, null, null, null);
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
        return new AsyncJobItemsQuery(limit, cursor, hasError, status);
    }

    /** Builds an {@link AsyncJobItemsQuery}. */
    public static final class Builder {
        private Integer limit;
        private String cursor;
        private Boolean hasError;
        private ItemStatusFilter status;

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
         * @throws IllegalArgumentException if the limit is below 1, or {@code hasError} contradicts the status
         */
        public AsyncJobItemsQuery build() {
            return new AsyncJobItemsQuery(limit, cursor, hasError, status);
        }
    }
}
