package dev.jobstatus.asana.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A compact reference to the task a job created. Fields Asana leaves out are {@code null}.
 *
 * @param gid the task's id
 * @param resourceType {@code task}
 * @param name the task's name
 * @param resourceSubtype the task's subtype, such as {@code default_task}
 * @param createdBy the user who created the task, as a compact user (gid and resource type)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskRef(
        @Nullable String gid,
        @JsonProperty("resource_type") @Nullable String resourceType,
        @Nullable String name,
        @JsonProperty("resource_subtype") @Nullable String resourceSubtype,
        @JsonProperty("created_by") @Nullable UserRef createdBy) {}
