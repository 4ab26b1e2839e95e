/**
 * Credentials: what a request carries to authenticate ({@link dev.jobstatus.core.auth.CredentialProvider}, bearer
 * tokens, Basic, API-key headers), and access tokens fetched from a token endpoint, cached and renewed once for all
 * concurrent callers ({@link dev.jobstatus.core.auth.CachingTokenProvider}).
 */
@NullMarked
package dev.jobstatus.core.auth;

import org.jspecify.annotations.NullMarked;
