/**
 * The HTTP transport: requests, the retry loop, blocking and asynchronous calls, reading responses, on OkHttp. Not
 * API.
 */
package dev.jobstatus.core.internal.transport;
