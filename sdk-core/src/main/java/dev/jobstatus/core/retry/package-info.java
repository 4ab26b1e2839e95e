/**
 * How calls are retried ({@link dev.jobstatus.core.retry.RetryPolicy}: which failures, how long to wait, the deadline) and
 * paced under a provider's quota ({@link dev.jobstatus.core.retry.RateLimiter}).
 */
package dev.jobstatus.core.retry;
