/**
 * Argument checks shared by the SDK's builders and policies: messages that name a bad value, never quote a secret.
 * Not API.
 */
package dev.jobstatus.core.internal.checks;
