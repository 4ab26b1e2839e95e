package dev.jobstatus.nexudus;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to list: paging, sort order, equality filters, date ranges, and raw extra parameters. Every field is
 * optional ({@code null} leaves the parameter out). Build one with {@link #builder()}; the wire names and formats
 * are produced by {@link #toQueryParameters()} alone.
 *
 * @param page the page number, from 1
 * @param size the page size, 1 to 1000
 * @param orderBy the property to sort by, as Nexudus names it
 * @param direction the sort direction
 * @param business only jobs of this business id
 * @param businessName only jobs of this location name
 * @param user only jobs of this user id
 * @param userFullName only jobs of this user name
 * @param userEmail only jobs of this user email
 * @param jobId only the job with this GUID
 * @param description only jobs with this description
 * @param files only jobs with these files
 * @param status only jobs with this status
 * @param resultData only jobs with this result data
 * @param createdOn only jobs created at this minute (the equality filter on {@code CreatedOn})
 * @param createdFrom only jobs created at or after this time (Nexudus's minute precision)
 * @param createdTo only jobs created at or before this time
 * @param updatedFrom only jobs updated at or after this time
 * @param updatedTo only jobs updated at or before this time
 * @param extraParameters further raw query parameters, in order
 */
public record BackgroundJobQuery(
        Integer page, Integer size, String orderBy, SortDirection direction,
        Long business, String businessName, Long user, String userFullName, String userEmail, String jobId,
        String description, String files, String status, String resultData, LocalDateTime createdOn,
        LocalDateTime createdFrom, LocalDateTime createdTo, LocalDateTime updatedFrom, LocalDateTime updatedTo,
        Map<String, String> extraParameters) {

    /** The largest page size Nexudus serves. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String PREFIX = "BusinessBackgroundJob_";

    /**

     * Validates the query and copies the extra parameters.

     *

     * @param page the page number, from 1

     * @param size the page size, 1 to 1000

     * @param orderBy the property to sort by, as Nexudus names it

     * @param direction the sort direction

     * @param business only jobs of this business id

     * @param businessName only jobs of this location name

     * @param user only jobs of this user id

     * @param userFullName only jobs of this user name

     * @param userEmail only jobs of this user email

     * @param jobId only the job with this GUID

     * @param description only jobs with this description

     * @param files only jobs with these files

     * @param status only jobs with this status

     * @param resultData only jobs with this result data

     * @param createdOn only jobs created at this minute (the equality filter on {@code CreatedOn})

     * @param createdFrom only jobs created at or after this time (Nexudus's minute precision)

     * @param createdTo only jobs created at or before this time

     * @param updatedFrom only jobs updated at or after this time

     * @param updatedTo only jobs updated at or before this time

     * @param extraParameters further raw query parameters, in order

     * @throws IllegalArgumentException if page is below 1 or size is outside 1..1000

     */
    public BackgroundJobQuery {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        extraParameters = extraParameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraParameters));
    }

    /** {@return a query for everything, in Nexudus's default order} */
    public static BackgroundJobQuery all() {
        return builder().build();
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this query's values} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * {@return this query asking for {@code page}}
     *
     * @param page the page number, from 1
     */
    public BackgroundJobQuery withPage(int page) {
        return toBuilder().page(page).build();
    }

    /** {@return the query parameters Nexudus expects, in a stable order} */
    public List<Map.Entry<String, String>> toQueryParameters() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        add(params, "page", page);
        add(params, "size", size);
        add(params, "orderBy", orderBy);
        add(params, "dir", direction == null ? null : direction.wireValue());
        add(params, PREFIX + "Business", business);
        add(params, PREFIX + "Business_Name", businessName);
        add(params, PREFIX + "User", user);
        add(params, PREFIX + "User_FullName", userFullName);
        add(params, PREFIX + "User_Email", userEmail);
        add(params, PREFIX + "JobId", jobId);
        add(params, PREFIX + "Description", description);
        add(params, PREFIX + "Files", files);
        add(params, PREFIX + "Status", status);
        add(params, PREFIX + "ResultData", resultData);
        add(params, PREFIX + "CreatedOn", createdOn == null ? null : MINUTES.format(createdOn));
        add(params, "from_" + PREFIX + "CreatedOn", createdFrom == null ? null : MINUTES.format(createdFrom));
        add(params, "to_" + PREFIX + "CreatedOn", createdTo == null ? null : MINUTES.format(createdTo));
        add(params, "from_" + PREFIX + "UpdatedOn", updatedFrom == null ? null : MINUTES.format(updatedFrom));
        add(params, "to_" + PREFIX + "UpdatedOn", updatedTo == null ? null : MINUTES.format(updatedTo));
        extraParameters.forEach((name, value) -> add(params, name, value));
        return params;
    }

    private static void add(List<Map.Entry<String, String>> params, String name, Object value) {
        if (value != null) {
            params.add(Map.entry(name, value.toString()));
        }
    }

    /** Builds a {@link BackgroundJobQuery}; each method is named after the field it sets. */
    public static final class Builder {
        private Integer page;
        private Integer size;
        private String orderBy;
        private SortDirection direction;
        private Long business;
        private String businessName;
        private Long user;
        private String userFullName;
        private String userEmail;
        private String jobId;
        private String description;
        private String files;
        private String status;
        private String resultData;
        private LocalDateTime createdOn;
        private LocalDateTime createdFrom;
        private LocalDateTime createdTo;
        private LocalDateTime updatedFrom;
        private LocalDateTime updatedTo;
        private final Map<String, String> extraParameters = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(BackgroundJobQuery q) {
            page = q.page;
            size = q.size;
            orderBy = q.orderBy;
            direction = q.direction;
            business = q.business;
            businessName = q.businessName;
            user = q.user;
            userFullName = q.userFullName;
            userEmail = q.userEmail;
            jobId = q.jobId;
            description = q.description;
            files = q.files;
            status = q.status;
            resultData = q.resultData;
            createdOn = q.createdOn;
            createdFrom = q.createdFrom;
            createdTo = q.createdTo;
            updatedFrom = q.updatedFrom;
            updatedTo = q.updatedTo;
            extraParameters.putAll(q.extraParameters);
        }

        /**
         * Sets the page number, from 1.
         *
         * @param page the page number
         * @return this builder
         */
        public Builder page(int page) {
            this.page = page;
            return this;
        }

        /**
         * Sets the page size, 1 to 1000.
         *
         * @param size the page size
         * @return this builder
         */
        public Builder size(int size) {
            this.size = size;
            return this;
        }

        /**
         * Sorts by {@code field}.
         *
         * @param field the field to sort by
         * @return this builder
         */
        public Builder orderBy(BackgroundJobField field) {
            this.orderBy = Objects.requireNonNull(field, "field").wireName();
            return this;
        }

        /**
         * Sorts by a property the SDK has no constant for, named as Nexudus names it.
         *
         * @param rawProperty the property, such as {@code UpdatedOn}
         * @return this builder
         */
        public Builder orderBy(String rawProperty) {
            this.orderBy = Objects.requireNonNull(rawProperty, "rawProperty");
            return this;
        }

        /**
         * Sets the sort direction.
         *
         * @param direction ascending or descending
         * @return this builder
         */
        public Builder direction(SortDirection direction) {
            this.direction = direction;
            return this;
        }

        /**
         * Keeps jobs of this business id.
         *
         * @param businessId the business (location) id
         * @return this builder
         */
        public Builder business(long businessId) {
            this.business = businessId;
            return this;
        }

        /**
         * Keeps jobs of this location name.
         *
         * @param businessName the location's name
         * @return this builder
         */
        public Builder businessName(String businessName) {
            this.businessName = businessName;
            return this;
        }

        /**
         * Keeps jobs triggered by this user id.
         *
         * @param userId the user's id
         * @return this builder
         */
        public Builder user(long userId) {
            this.user = userId;
            return this;
        }

        /**
         * Keeps jobs triggered by a user of this full name.
         *
         * @param userFullName the user's full name
         * @return this builder
         */
        public Builder userFullName(String userFullName) {
            this.userFullName = userFullName;
            return this;
        }

        /**
         * Keeps jobs triggered by a user of this email.
         *
         * @param userEmail the user's email
         * @return this builder
         */
        public Builder userEmail(String userEmail) {
            this.userEmail = userEmail;
            return this;
        }

        /**
         * Keeps the job with this GUID.
         *
         * @param jobId the background job's GUID
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * Keeps jobs with this description.
         *
         * @param description the description to match
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Keeps jobs with these files.
         *
         * @param files the files to match
         * @return this builder
         */
        public Builder files(String files) {
            this.files = files;
            return this;
        }

        /**
         * Keeps jobs with this status.
         *
         * @param status the status to match, as Nexudus words it
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Keeps jobs with this result data.
         *
         * @param resultData the result data to match
         * @return this builder
         */
        public Builder resultData(String resultData) {
            this.resultData = resultData;
            return this;
        }

        /**
         * Keeps jobs created at {@code createdOn}, to the minute (Nexudus's equality filter on {@code CreatedOn}).
         *
         * @param createdOn the creation time, in the client's zone
         * @return this builder
         */
        public Builder createdOn(LocalDateTime createdOn) {
            this.createdOn = createdOn;
            return this;
        }

        /**
         * Keeps jobs created at or after {@code from} (sent to the minute).
         *
         * @param from the earliest creation time, in the client's zone
         * @return this builder
         */
        public Builder createdFrom(LocalDateTime from) {
            this.createdFrom = from;
            return this;
        }

        /**
         * Keeps jobs created at or before {@code to} (sent to the minute).
         *
         * @param to the latest creation time, in the client's zone
         * @return this builder
         */
        public Builder createdTo(LocalDateTime to) {
            this.createdTo = to;
            return this;
        }

        /**
         * Keeps jobs updated at or after {@code from} (sent to the minute).
         *
         * @param from the earliest update time, in the client's zone
         * @return this builder
         */
        public Builder updatedFrom(LocalDateTime from) {
            this.updatedFrom = from;
            return this;
        }

        /**
         * Keeps jobs updated at or before {@code to} (sent to the minute).
         *
         * @param to the latest update time, in the client's zone
         * @return this builder
         */
        public Builder updatedTo(LocalDateTime to) {
            this.updatedTo = to;
            return this;
        }

        /**
         * Adds a raw query parameter the SDK has no typed method for.
         *
         * @param name the parameter name, as Nexudus names it
         * @param value its value
         * @return this builder
         */
        public Builder extraParameter(String name, String value) {
            extraParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if page or size is out of range
         */
        public BackgroundJobQuery build() {
            return new BackgroundJobQuery(page, size, orderBy, direction, business, businessName, user, userFullName,
                    userEmail, jobId, description, files, status, resultData, createdOn, createdFrom, createdTo, updatedFrom,
                    updatedTo, extraParameters);
        }
    }
}
