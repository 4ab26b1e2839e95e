/**
 * Rate-limit permits and {@code Retry-After}: a call's permits taken before each attempt, and the server's throttling
 * read. Not API.
 */
package dev.jobstatus.core.internal.pacing;
