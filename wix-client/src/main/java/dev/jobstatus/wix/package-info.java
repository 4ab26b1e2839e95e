/**
 * The Wix client: {@link dev.jobstatus.wix.WixClient} and its async-jobs resource, with the item query and its filters.
 */
@NullMarked
package dev.jobstatus.wix;

import org.jspecify.annotations.NullMarked;
