/**
 * The provider modules' access to what the public client builder holds. Not API.
 */
package dev.jobstatus.core.internal.client;
