package dev.jobstatus.asana.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A compact reference to an Asana object (a project, project template, task template, portfolio or user).
 * Fields Asana leaves out are {@code null}.
 *
 * @param gid the object's globally unique id
 * @param resourceType the object's type, such as {@code project}
 * @param name the object's name, when requested and present
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompactRef(
        @Nullable String gid,
        @JsonProperty("resource_type") @Nullable String resourceType,
        @Nullable String name) {}
