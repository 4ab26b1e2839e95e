/**
 * Wix's async-job records as the API returns them: the job, its counts and creator, and its items.
 */
@NullMarked
package dev.jobstatus.wix.model;

import org.jspecify.annotations.NullMarked;
