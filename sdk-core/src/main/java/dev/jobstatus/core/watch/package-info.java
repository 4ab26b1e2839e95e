/**
 * Waiting on many jobs of one client at once: a {@link dev.jobstatus.core.watch.JobWatcher} follows every job added to
 * it with as few requests as the provider allows (one listing per round where the provider has one, single gets
 * scheduled inside the quota where it has not), and reports each change and each end to a
 * {@link dev.jobstatus.core.watch.WatchListener} and through a future per job.
 */
@NullMarked
package dev.jobstatus.core.watch;

import org.jspecify.annotations.NullMarked;
