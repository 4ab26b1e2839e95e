/**
 * Wix JSON mapping machinery: not API.
 */
package dev.jobstatus.wix.internal;
