/**
 * OpenTelemetry traces and metrics of the jobstatus clients: see {@link dev.jobstatus.opentelemetry.JobstatusTelemetry}.
 */
@NullMarked
package dev.jobstatus.opentelemetry;

import org.jspecify.annotations.NullMarked;
