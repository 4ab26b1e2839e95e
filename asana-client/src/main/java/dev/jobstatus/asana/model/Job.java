package dev.jobstatus.asana.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import org.jspecify.annotations.Nullable;

/**
 * An Asana job: an asynchronous operation such as duplicating a project or exporting data, and what it created.
 * Any field may be {@code null} when Asana leaves it out (several are returned only when named in
 * {@code opt_fields}).
 *
 * @param gid the job's globally unique id
 * @param resourceType {@code job}
 * @param resourceSubtype the kind of job; only {@code duplicate_task} is documented, any value is kept
 * @param status the job's status; an unseen value is kept
 * @param newProject the project the job created
 * @param newTask the task the job created
 * @param newProjectTemplate the project template the job created
 * @param newTaskTemplate the task template the job created
 * @param newPortfolio the portfolio the job created
 * @param newGraphExport the graph export the job created
 * @param newResourceExport the resource export the job created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Job(
        // Required in an answer: a body without it is no job (an error sent with 200), not a job without an id.
        @JsonProperty(value = "gid", required = true) @JsonSetter(nulls = Nulls.FAIL) @Nullable
        String gid,

        @JsonProperty("resource_type") @Nullable String resourceType,
        @JsonProperty("resource_subtype") @Nullable String resourceSubtype,
        @Nullable JobStatus status,
        @JsonProperty("new_project") @Nullable CompactRef newProject,
        @JsonProperty("new_task") @Nullable TaskRef newTask,
        @JsonProperty("new_project_template") @Nullable CompactRef newProjectTemplate,
        @JsonProperty("new_task_template") @Nullable CompactRef newTaskTemplate,
        @JsonProperty("new_portfolio") @Nullable CompactRef newPortfolio,
        @JsonProperty("new_graph_export") @Nullable ExportRef newGraphExport,
        @JsonProperty("new_resource_export") @Nullable ExportRef newResourceExport)
        implements JobView {

    /**
     * Returns the common state: not_started is PENDING, in_progress is RUNNING, succeeded is SUCCEEDED, failed is
     * FAILED, anything else UNKNOWN.
     */
    @Override
    public JobState state() {
        if (status == null || status.known().isEmpty()) {
            return JobState.UNKNOWN;
        }
        return switch (status.known().get()) {
            case NOT_STARTED -> JobState.PENDING;
            case IN_PROGRESS -> JobState.RUNNING;
            case SUCCEEDED -> JobState.SUCCEEDED;
            case FAILED -> JobState.FAILED;
        };
    }
}
