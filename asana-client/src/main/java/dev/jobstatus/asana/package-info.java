/**
 * The Asana client: {@link dev.jobstatus.asana.AsanaClient} and its jobs resource, with the request options and fields.
 */
package dev.jobstatus.asana;
