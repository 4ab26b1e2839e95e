/**
 * The shared core of the jobstatus SDK: what every provider client is built on ({@link dev.jobstatus.core.ClientBuilder},
 * {@link dev.jobstatus.core.ProviderClient}), open enums for values a server may extend ({@link dev.jobstatus.core.OpenEnum}),
 * and the response a call returns ({@link dev.jobstatus.core.ApiResponse}). The concerns live in the sub-packages:
 * {@code auth}, {@code exception}, {@code paging}, {@code polling}, {@code retry} and {@code time}.
 */
@NullMarked
package dev.jobstatus.core;

import org.jspecify.annotations.NullMarked;
