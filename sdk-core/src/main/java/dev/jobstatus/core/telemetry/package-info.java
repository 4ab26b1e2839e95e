/**
 * What clients do, told to a {@link dev.jobstatus.core.telemetry.ClientListener}: operations, their HTTP attempts,
 * retries, throttles, rate-limit waits, and job waits with their polls. The {@code dev.jobstatus.opentelemetry}
 * module turns them into traces and metrics.
 */
@NullMarked
package dev.jobstatus.core.telemetry;

import org.jspecify.annotations.NullMarked;
