/**
 * The SDK's exceptions, all unchecked under {@link dev.jobstatus.core.exception.JobStatusException}: one per HTTP status
 * family ({@link dev.jobstatus.core.exception.ApiException} and its subclasses), no response at all
 * ({@link dev.jobstatus.core.exception.TransportException}), an unreadable answer, a stopped listing or wait. Each names
 * the provider, the status and the request id, and never carries a secret.
 */
@NullMarked
package dev.jobstatus.core.exception;

import org.jspecify.annotations.NullMarked;
