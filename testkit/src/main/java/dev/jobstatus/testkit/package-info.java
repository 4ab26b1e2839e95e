/**
 * In-process simulators of the Nexudus, Wix and Asana APIs on loopback, for tests: documented behaviour,
 * throttling, credentials, job lifecycles and injected faults, with no network and no real account.
 */
@NullMarked
package dev.jobstatus.testkit;

import org.jspecify.annotations.NullMarked;
