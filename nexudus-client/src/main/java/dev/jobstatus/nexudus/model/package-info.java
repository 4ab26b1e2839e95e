/**
 * Nexudus's background-job records as the API returns them: the full job, the listed summary and the listing's page.
 */
@NullMarked
package dev.jobstatus.nexudus.model;

import org.jspecify.annotations.NullMarked;
