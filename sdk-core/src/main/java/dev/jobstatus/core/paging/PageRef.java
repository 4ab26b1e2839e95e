package dev.jobstatus.core.paging;

/**
 * Where the next page of a listing is: a page number or an opaque cursor.
 */
public sealed interface PageRef {
    /**
     * {@return a reference to page {@code number} (numbering as the API defines it)}
     *
     * @param number the page number
     */
    static PageRef number(long number) {
        return new PageNumber(number);
    }

    /**
     * {@return a reference to the page that {@code cursor} points at}
     *
     * @param cursor the cursor, as the API sent it
     * @throws IllegalArgumentException if the cursor is null or empty
     */
    static PageRef cursor(String cursor) {
        return new Cursor(cursor);
    }

    /**
     * A page number.
     *
     * @param number the page number
     */
    record PageNumber(long number) implements PageRef {
        @Override
        public String toString() {
            return "page " + number;
        }
    }

    /**
     * An opaque cursor or offset token.
     *
     * @param cursor the cursor, never empty
     */
    record Cursor(String cursor) implements PageRef {
        /**
         * Validates the cursor.
         *
         * @param cursor the cursor, never empty
         */
        public Cursor {
            if (cursor == null || cursor.isEmpty()) {
                throw new IllegalArgumentException("cursor must not be empty");
            }
        }

        @Override
        public String toString() {
            return "cursor " + cursor;
        }
    }
}
