package dev.jobstatus.asana.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.time.Instant;

/**
 * A compact reference to an export a job produced (a graph export or a resource export). Fields Asana leaves
 * out are {@code null}; so are timestamps it sends in a form that cannot be read.
 *
 * @param gid the export's id
 * @param resourceType {@code graph_export} or {@code export_request}
 * @param createdAt when the export was created
 * @param completedAt when the export completed
 * @param downloadUrl where to download the export (a short-lived, pre-signed URL), exactly as sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportRef(
        String gid,
        @JsonProperty("resource_type") String resourceType,

        @JsonProperty("created_at") @JsonFormat(lenient = OptBoolean.TRUE)
        Instant createdAt,

        @JsonProperty("completed_at") @JsonFormat(lenient = OptBoolean.TRUE)
        Instant completedAt,

        @JsonProperty("download_url") String downloadUrl) {}
