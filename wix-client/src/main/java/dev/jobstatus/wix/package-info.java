/**
 * The Wix client: {@link dev.jobstatus.wix.WixClient} and its async-jobs resource, with the item query and its filters.
 */
package dev.jobstatus.wix;
