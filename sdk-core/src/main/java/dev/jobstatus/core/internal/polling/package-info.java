/**
 * Job waiters built on the transport: the poll source behind {@link dev.jobstatus.core.polling.JobWaiter}. Not API.
 */
package dev.jobstatus.core.internal.polling;
