/**
 * OpenTelemetry traces and metrics of the jobstatus clients: {@link dev.jobstatus.opentelemetry.JobstatusTelemetry},
 * a {@code ClientListener} on the OpenTelemetry API.
 */
module dev.jobstatus.opentelemetry {
    requires transitive dev.jobstatus.core;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports dev.jobstatus.opentelemetry;
}
