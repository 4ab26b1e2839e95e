package dev.jobstatus.asana.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A compact reference to an Asana user, as a task's {@code created_by} carries it. Fields Asana leaves out are
 * {@code null}.
 *
 * @param gid the user's id
 * @param resourceType {@code user}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRef(
        String gid, @JsonProperty("resource_type") String resourceType) {}
