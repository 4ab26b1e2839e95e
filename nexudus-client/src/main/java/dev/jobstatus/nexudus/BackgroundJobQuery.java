package dev.jobstatus.nexudus;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to list: paging, sort order, equality filters, date ranges, and raw extra parameters. Every value is
 * optional ({@code null} leaves the parameter out). Build one with {@link #builder()}; the wire names and formats
 * are produced by {@link #toQueryParameters()} alone. Immutable.
 */
public final class BackgroundJobQuery {
    /** The largest page size the SDK asks for when auto-paging, and the largest it accepts. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String PREFIX = "BusinessBackgroundJob_";

    private final @Nullable Integer page;
    private final @Nullable Integer pageSize;
    private final @Nullable String orderBy;
    private final @Nullable SortDirection direction;
    private final @Nullable Long business;
    private final @Nullable String businessName;
    private final @Nullable Long user;
    private final @Nullable String userFullName;
    private final @Nullable String userEmail;
    private final @Nullable String jobId;
    private final @Nullable String description;
    private final @Nullable String files;
    private final @Nullable String status;
    private final @Nullable String resultData;
    private final @Nullable LocalDateTime createdOn;
    private final @Nullable LocalDateTime createdFrom;
    private final @Nullable LocalDateTime createdTo;
    private final @Nullable LocalDateTime updatedFrom;
    private final @Nullable LocalDateTime updatedTo;
    private final Map<String, String> extraParameters;

    private BackgroundJobQuery(Builder b) {
        if (b.page != null && b.page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (b.pageSize != null && (b.pageSize < 1 || b.pageSize > MAX_PAGE_SIZE)) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        this.page = b.page;
        this.pageSize = b.pageSize;
        this.orderBy = b.orderBy;
        this.direction = b.direction;
        this.business = b.business;
        this.businessName = b.businessName;
        this.user = b.user;
        this.userFullName = b.userFullName;
        this.userEmail = b.userEmail;
        this.jobId = b.jobId;
        this.description = b.description;
        this.files = b.files;
        this.status = b.status;
        this.resultData = b.resultData;
        this.createdOn = b.createdOn;
        this.createdFrom = b.createdFrom;
        this.createdTo = b.createdTo;
        this.updatedFrom = b.updatedFrom;
        this.updatedTo = b.updatedTo;
        this.extraParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraParameters));
    }

    /** {@return the page number, from 1, or {@code null}} */
    public @Nullable Integer page() {
        return page;
    }

    /** {@return the page size, from 1 (sent as {@code size}), or {@code null}} */
    public @Nullable Integer pageSize() {
        return pageSize;
    }

    /** {@return the property to sort by, as Nexudus names it, or {@code null}} */
    public @Nullable String orderBy() {
        return orderBy;
    }

    /** {@return the sort direction, or {@code null}} */
    public @Nullable SortDirection direction() {
        return direction;
    }

    /** {@return only jobs of this business id, or {@code null}} */
    public @Nullable Long business() {
        return business;
    }

    /** {@return only jobs of this location name, or {@code null}} */
    public @Nullable String businessName() {
        return businessName;
    }

    /** {@return only jobs of this user id, or {@code null}} */
    public @Nullable Long user() {
        return user;
    }

    /** {@return only jobs of this user name, or {@code null}} */
    public @Nullable String userFullName() {
        return userFullName;
    }

    /** {@return only jobs of this user email, or {@code null}} */
    public @Nullable String userEmail() {
        return userEmail;
    }

    /** {@return only the job with this GUID, or {@code null}} */
    public @Nullable String jobId() {
        return jobId;
    }

    /** {@return only jobs with this description, or {@code null}} */
    public @Nullable String description() {
        return description;
    }

    /** {@return only jobs with these files, or {@code null}} */
    public @Nullable String files() {
        return files;
    }

    /** {@return only jobs with this status, or {@code null}} */
    public @Nullable String status() {
        return status;
    }

    /** {@return only jobs with this result data, or {@code null}} */
    public @Nullable String resultData() {
        return resultData;
    }

    /** {@return only jobs created at this minute, or {@code null}} */
    public @Nullable LocalDateTime createdOn() {
        return createdOn;
    }

    /** {@return only jobs created at or after this time (to the minute), or {@code null}} */
    public @Nullable LocalDateTime createdFrom() {
        return createdFrom;
    }

    /** {@return only jobs created at or before this time, or {@code null}} */
    public @Nullable LocalDateTime createdTo() {
        return createdTo;
    }

    /** {@return only jobs updated at or after this time, or {@code null}} */
    public @Nullable LocalDateTime updatedFrom() {
        return updatedFrom;
    }

    /** {@return only jobs updated at or before this time, or {@code null}} */
    public @Nullable LocalDateTime updatedTo() {
        return updatedTo;
    }

    /** {@return further raw query parameters, in order; never {@code null}} */
    public Map<String, String> extraParameters() {
        return extraParameters;
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
        add(params, "size", pageSize);
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

    private static void add(List<Map.Entry<String, String>> params, String name, @Nullable Object value) {
        if (value != null) {
            params.add(Map.entry(name, value.toString()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackgroundJobQuery q && toQueryParameters().equals(q.toQueryParameters());
    }

    @Override
    public int hashCode() {
        return toQueryParameters().hashCode();
    }

    @Override
    public String toString() {
        return "BackgroundJobQuery" + toQueryParameters();
    }

    /** Builds a {@link BackgroundJobQuery}; each method is named after the field it sets. */
    public static final class Builder {
        private @Nullable Integer page;
        private @Nullable Integer pageSize;
        private @Nullable String orderBy;
        private @Nullable SortDirection direction;
        private @Nullable Long business;
        private @Nullable String businessName;
        private @Nullable Long user;
        private @Nullable String userFullName;
        private @Nullable String userEmail;
        private @Nullable String jobId;
        private @Nullable String description;
        private @Nullable String files;
        private @Nullable String status;
        private @Nullable String resultData;
        private @Nullable LocalDateTime createdOn;
        private @Nullable LocalDateTime createdFrom;
        private @Nullable LocalDateTime createdTo;
        private @Nullable LocalDateTime updatedFrom;
        private @Nullable LocalDateTime updatedTo;
        private final Map<String, String> extraParameters = new LinkedHashMap<>();

        private Builder() {}

        private Builder(BackgroundJobQuery q) {
            page = q.page;
            pageSize = q.pageSize;
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
         * @param pageSize the page size
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
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
            return new BackgroundJobQuery(this);
        }
    }
}
