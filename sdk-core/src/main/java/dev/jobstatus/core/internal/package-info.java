/**
 * The SDK's machinery, exported only to the provider modules: not API, and free to change in any release.
 */
package dev.jobstatus.core.internal;
