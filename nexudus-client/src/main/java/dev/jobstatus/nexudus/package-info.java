/**
 * The Nexudus client: {@link dev.jobstatus.nexudus.NexudusClient} and its background-job resource, with the typed
 * listing query, sort fields and the status classifier.
 */
package dev.jobstatus.nexudus;
