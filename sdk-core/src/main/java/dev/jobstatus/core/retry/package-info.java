/**
 * How calls are retried ({@link dev.jobstatus.core.retry.RetryPolicy}: which failures, how long to wait, the deadline) and
 * paced under a provider's quota ({@link dev.jobstatus.core.retry.RateLimiter}).
 */
@NullMarked
package dev.jobstatus.core.retry;

import org.jspecify.annotations.NullMarked;
