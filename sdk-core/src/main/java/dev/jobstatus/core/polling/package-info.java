/**
 * Waiting for jobs: the common view of a provider's job ({@link dev.jobstatus.core.polling.JobView},
 * {@link dev.jobstatus.core.polling.JobState}, {@link dev.jobstatus.core.polling.Progress}) and the waiter that polls it until it
 * ends, blocking or asynchronously, under a {@link dev.jobstatus.core.polling.PollPolicy}.
 */
@NullMarked
package dev.jobstatus.core.polling;

import org.jspecify.annotations.NullMarked;
