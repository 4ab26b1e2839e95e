/**
 * The SDK's Jackson configuration and its one {@link java.time.Instant} reader: not API.
 */
package dev.jobstatus.core.internal.json;
