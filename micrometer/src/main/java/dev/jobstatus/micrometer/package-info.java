/**
 * Micrometer Observations of the jobstatus clients: see {@link dev.jobstatus.micrometer.JobstatusObservations}.
 */
@NullMarked
package dev.jobstatus.micrometer;

import org.jspecify.annotations.NullMarked;
