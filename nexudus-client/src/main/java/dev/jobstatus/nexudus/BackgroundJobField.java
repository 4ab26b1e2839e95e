package dev.jobstatus.nexudus;

/** The properties of a background job that a listing can be sorted by, sent as {@code orderBy}. */
public enum BackgroundJobField {
    /** {@code BusinessId}. */
    BUSINESS_ID("BusinessId"),
    /** {@code BusinessName}. */
    BUSINESS_NAME("BusinessName"),
    /** {@code UserId}. */
    USER_ID("UserId"),
    /** {@code UserFullName}. */
    USER_FULL_NAME("UserFullName"),
    /** {@code UserEmail}. */
    USER_EMAIL("UserEmail"),
    /** {@code JobId}. */
    JOB_ID("JobId"),
    /** {@code Description}. */
    DESCRIPTION("Description"),
    /** {@code Files}. */
    FILES("Files"),
    /** {@code Status}. */
    STATUS("Status"),
    /** {@code ResultData}. */
    RESULT_DATA("ResultData"),
    /** {@code Id}. */
    ID("Id"),
    /** {@code UniqueId}. */
    UNIQUE_ID("UniqueId"),
    /** {@code CreatedOn}. */
    CREATED_ON("CreatedOn"),
    /** {@code UpdatedOn}. */
    UPDATED_ON("UpdatedOn"),
    /** {@code UpdatedBy}. */
    UPDATED_BY("UpdatedBy"),
    /** {@code IsNew}. */
    IS_NEW("IsNew"),
    /** {@code SystemId}. */
    SYSTEM_ID("SystemId");

    private final String wireName;

    BackgroundJobField(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the property name Nexudus expects in {@code orderBy}} */
    public String wireName() {
        return wireName;
    }
}
