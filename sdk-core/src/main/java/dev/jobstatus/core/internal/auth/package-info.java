/**
 * Credentials behind the transport: the token endpoint call and fingerprints of secrets. Not API.
 */
package dev.jobstatus.core.internal.auth;
