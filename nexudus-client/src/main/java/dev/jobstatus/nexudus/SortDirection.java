package dev.jobstatus.nexudus;

/** The order of a listing, sent as Nexudus's {@code dir} parameter. */
public enum SortDirection {
    /** Smallest first ({@code dir=1}). */
    ASCENDING(1),
    /** Largest first ({@code dir=-1}). */
    DESCENDING(-1);

    private final int wireValue;

    SortDirection(int wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value of the {@code dir} parameter} */
    public int wireValue() {
        return wireValue;
    }
}
