/**
 * Wix's async-job records as the API returns them: the job, its counts and creator, and its items.
 */
package dev.jobstatus.wix.model;
