package dev.jobstatus.wix.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.Progress;
import dev.jobstatus.wix.internal.JsonValues;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Wix async job, as {@code GetAsyncJob} returns it. Fields Wix leaves out are {@code null}, except
 * {@code metadata} (empty) and {@code counts} ({@link Counts#NONE}).
 *
 * @param id the job's GUID
 * @param metadata the job's metadata as parsed JSON (parameters, user-defined statuses…); unmodifiable
 * @param status the job's status; an unseen value is kept
 * @param createdDate when the job was created
 * @param updatedDate when the job was last updated
 * @param createdBy who created the job (read from the deprecated {@code owner} when {@code createdBy} is absent)
 * @param counts how many items were processed (read from the deprecated {@code counters} when {@code counts}
 *     is absent)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AsyncJob(
        @Nullable String id,
        Map<String, Object> metadata,
        @Nullable AsyncJobStatus status,
        @Nullable Instant createdDate,
        @Nullable Instant updatedDate,
        @Nullable CreatedBy createdBy,
        Counts counts)
        implements JobView {

    /**
     * Fills absent counts; a metadata map the caller built is copied.
     *
     * @param id the job's GUID
     * @param metadata the job's metadata as parsed JSON (parameters, user-defined statuses…); unmodifiable
     * @param status the job's status; an unseen value is kept
     * @param createdDate when the job was created
     * @param updatedDate when the job was last updated
     * @param createdBy who created the job (read from the deprecated {@code owner} when {@code createdBy} is absent)
     * @param counts how many items were processed (read from the deprecated {@code counters} when {@code counts} is
     * absent)
     */
    public AsyncJob {
        metadata = JsonValues.frozen(metadata);
        counts = counts == null ? Counts.NONE : counts;
    }

    /**
     * Reads the job. Older jobs carry the deprecated {@code owner} and {@code counters} (under their own names, in
     * camelCase or snake_case) instead of {@code createdBy} and {@code counts}, and one reference page spells the
     * dates {@code created_date} and {@code updated_date}.
     */
    @JsonCreator
    static AsyncJob fromJson(
            @JsonProperty(value = "id", required = true) @JsonSetter(nulls = Nulls.FAIL) String id,
            @JsonProperty("metadata") Map<String, Object> metadata,
            @JsonProperty("status") AsyncJobStatus status,
            @JsonProperty("createdDate") @JsonAlias("created_date") Instant createdDate,
            @JsonProperty("updatedDate") @JsonAlias("updated_date") Instant updatedDate,
            @JsonProperty("createdBy") @JsonAlias("created_by") CreatedBy createdBy,
            @JsonProperty("owner") CreatedBy owner,
            @JsonProperty("counts") Counts counts,
            @JsonProperty("counters") JsonNode counters) {
        Counts read = counts != null ? counts : LegacyCounters.read(counters);
        return new AsyncJob(
                id,
                metadata,
                status,
                createdDate,
                updatedDate,
                createdBy != null ? createdBy : owner,
                read != null ? read : Counts.NONE);
    }

    /**
     * Returns the common state: INITIALIZED is PENDING, PROCESSING is RUNNING, FINISHED is SUCCEEDED, FAILED is
     * FAILED, anything else UNKNOWN.
     */
    @Override
    public JobState state() {
        if (status == null || status.known().isEmpty()) {
            return JobState.UNKNOWN;
        }
        return switch (status.known().get()) {
            case INITIALIZED -> JobState.PENDING;
            case PROCESSING -> JobState.RUNNING;
            case FINISHED -> JobState.SUCCEEDED;
            case FAILED -> JobState.FAILED;
            case UNKNOWN -> JobState.UNKNOWN;
        };
    }

    /** Returns progress from the counts: done is successes plus failures, total when the job has one. */
    @Override
    public Progress progress() {
        return new Progress(counts.processed(), counts.failCount(), counts.total());
    }
}
