package dev.jobstatus.wix;

/** Which items of an async job to list, by outcome: Wix's status filter, which supersedes {@code hasError}. */
public enum ItemStatusFilter {
    /** Every item. */
    ALL,
    /** Only the items that failed. */
    FAILED_ONLY,
    /** Only the items that succeeded. */
    SUCCESSFUL_ONLY
}
