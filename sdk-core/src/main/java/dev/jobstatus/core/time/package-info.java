/**
 * The SDK's clock: every wait goes through a {@link dev.jobstatus.core.time.TimeSource}, so tests can use
 * {@link dev.jobstatus.core.time.ManualTimeSource} and run retries and waits without sleeping.
 */
@NullMarked
package dev.jobstatus.core.time;

import org.jspecify.annotations.NullMarked;
