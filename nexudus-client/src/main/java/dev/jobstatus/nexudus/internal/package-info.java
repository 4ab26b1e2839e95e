/**
 * Nexudus JSON mapping machinery: not API.
 */
package dev.jobstatus.nexudus.internal;
