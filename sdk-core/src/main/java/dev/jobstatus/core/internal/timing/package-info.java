/**
 * Durations and deadlines: saturating duration arithmetic, and the deadline of the API call a piece of work (such as
 * a token lookup) is done for. Not API.
 */
package dev.jobstatus.core.internal.timing;
