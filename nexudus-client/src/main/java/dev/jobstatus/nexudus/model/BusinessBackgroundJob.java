package dev.jobstatus.nexudus.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One Nexudus background job (bulk edit or import), as {@code GET /api/sys/businessbackgroundjobs/{id}} returns
 * it. Every field but {@code state} may be {@code null} when Nexudus leaves it out or sends null.
 *
 * @param businessId the business (location) the job belongs to
 * @param businessName the location's name
 * @param userId the user who triggered the job
 * @param userFullName that user's full name
 * @param userEmail that user's email
 * @param jobId the background job's GUID
 * @param description what the job does
 * @param files the files the job works on, such as an import file
 * @param status the job's status as Nexudus words it (the values are not documented)
 * @param resultData the result the job produced when it completed
 * @param id the record's id (0 if the server left it out)
 * @param uniqueId the record's UUID
 * @param createdOn when the record was created
 * @param updatedOn when the record was last updated
 * @param updatedBy the email of who last updated the record
 * @param isNew whether the record was recently created
 * @param systemId an external system's identifier
 * @param toStringText Nexudus's display text for the record
 * @param localizationDetails localization data as parsed JSON (map, list, string, number or boolean)
 * @param customFields custom fields as parsed JSON (map, list, string, number or boolean)
 * @param state the common state, derived from {@code status} by the client's status classifier
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BusinessBackgroundJob(
        @JsonProperty("BusinessId") @Nullable Long businessId,
        @JsonProperty("BusinessName") @Nullable String businessName,
        @JsonProperty("UserId") @Nullable Long userId,
        @JsonProperty("UserFullName") @Nullable String userFullName,
        @JsonProperty("UserEmail") @Nullable String userEmail,
        @JsonProperty("JobId") @Nullable String jobId,
        @JsonProperty("Description") @Nullable String description,
        @JsonProperty("Files") @Nullable String files,
        @JsonProperty("Status") @Nullable String status,
        @JsonProperty("ResultData") @Nullable String resultData,

        @JsonProperty(value = "Id", required = true) @JsonSetter(nulls = Nulls.FAIL)
        long id,

        @JsonProperty("UniqueId") @Nullable String uniqueId,
        @JsonProperty("CreatedOn") @Nullable Instant createdOn,
        @JsonProperty("UpdatedOn") @Nullable Instant updatedOn,
        @JsonProperty("UpdatedBy") @Nullable String updatedBy,
        @JsonProperty("IsNew") @Nullable Boolean isNew,
        @JsonProperty("SystemId") @Nullable String systemId,
        @JsonProperty("ToStringText") @Nullable String toStringText,
        @JsonProperty("LocalizationDetails") @Nullable Object localizationDetails,
        @JsonProperty("CustomFields") @Nullable Object customFields,
        @JsonIgnore JobState state)
        implements JobView {

    /**
     * Fills a missing state with {@link JobState#UNKNOWN}.
     *
     * @param businessId the business (location) the job belongs to
     * @param businessName the location's name
     * @param userId the user who triggered the job
     * @param userFullName that user's full name
     * @param userEmail that user's email
     * @param jobId the background job's GUID
     * @param description what the job does
     * @param files the files the job works on, such as an import file
     * @param status the job's status as Nexudus words it (the values are not documented)
     * @param resultData the result the job produced when it completed
     * @param id the record's id (0 if the server left it out)
     * @param uniqueId the record's UUID
     * @param createdOn when the record was created
     * @param updatedOn when the record was last updated
     * @param updatedBy the email of who last updated the record
     * @param isNew whether the record was recently created
     * @param systemId an external system's identifier
     * @param toStringText Nexudus's display text for the record
     * @param localizationDetails localization data as parsed JSON (map, list, string, number or boolean)
     * @param customFields custom fields as parsed JSON (map, list, string, number or boolean)
     * @param state the common state, derived from {@code status} by the client's status classifier
     */
    public BusinessBackgroundJob {
        state = state == null ? JobState.UNKNOWN : state;
    }

    /**
     * Returns this job with {@code state} as its common state, everything else as it is.
     *
     * @param state the common state, as the client's status classifier derives it from {@link #status()}
     * @return a copy with that state
     */
    public BusinessBackgroundJob withState(JobState state) {
        return state == this.state
                ? this
                : new BusinessBackgroundJob(
                        businessId,
                        businessName,
                        userId,
                        userFullName,
                        userEmail,
                        jobId,
                        description,
                        files,
                        status,
                        resultData,
                        id,
                        uniqueId,
                        createdOn,
                        updatedOn,
                        updatedBy,
                        isNew,
                        systemId,
                        toStringText,
                        localizationDetails,
                        customFields,
                        state);
    }
}
