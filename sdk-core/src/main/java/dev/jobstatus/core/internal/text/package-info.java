/**
 * Text the SDK writes and reads: redaction and quoting of values, URL building and HTTP status phrases. Not API.
 */
package dev.jobstatus.core.internal.text;
