/**
 * Nexudus's background-job records as the API returns them: the full job, the listed summary and the listing's page.
 */
package dev.jobstatus.nexudus.model;
