/**
 * Asana's job record as the API returns it, and the compact references it carries.
 */
package dev.jobstatus.asana.model;
