/**
 * The Asana client: {@link dev.jobstatus.asana.AsanaClient} and its jobs resource, with the request options and fields.
 */
@NullMarked
package dev.jobstatus.asana;

import org.jspecify.annotations.NullMarked;
