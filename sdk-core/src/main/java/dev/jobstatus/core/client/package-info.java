/**
 * What every provider client is built on: {@link dev.jobstatus.core.client.ClientBuilder}, the settings each provider's
 * builder shares (where it connects, how it times out, retries, paces and polls), and
 * {@link dev.jobstatus.core.client.ProviderClient}, the client that owns its connections and threads until closed.
 */
@NullMarked
package dev.jobstatus.core.client;

import org.jspecify.annotations.NullMarked;
