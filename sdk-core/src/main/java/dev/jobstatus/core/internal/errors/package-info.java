/**
 * Error bodies: decoding a provider's error answer and mapping a status to the SDK's typed exceptions. Not API.
 */
package dev.jobstatus.core.internal.errors;
