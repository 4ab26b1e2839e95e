/**
 * Asana's job record as the API returns it, and the compact references it carries.
 */
@NullMarked
package dev.jobstatus.asana.model;

import org.jspecify.annotations.NullMarked;
