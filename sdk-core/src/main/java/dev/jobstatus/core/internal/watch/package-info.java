/** The machinery of {@link dev.jobstatus.core.watch.JobWatcher}: its engine and what provider clients give it. */
@NullMarked
package dev.jobstatus.core.internal.watch;

import org.jspecify.annotations.NullMarked;
