/**
 * The Nexudus client: {@link dev.jobstatus.nexudus.NexudusClient} and its background-job resource, with the typed
 * listing query, sort fields and the status classifier.
 */
@NullMarked
package dev.jobstatus.nexudus;

import org.jspecify.annotations.NullMarked;
