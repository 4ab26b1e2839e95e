/**
 * The shared core of the jobstatus SDK: open enums for values a server may extend ({@link dev.jobstatus.core.OpenEnum}),
 * the response a call returns ({@link dev.jobstatus.core.ApiResponse}), per-call options
 * ({@link dev.jobstatus.core.RequestOptions}) and state shared between clients ({@link dev.jobstatus.core.SharedState}).
 * The concerns live in the sub-packages: {@code client} (what every provider client is built on), {@code auth},
 * {@code exception}, {@code paging}, {@code polling}, {@code retry}, {@code telemetry} and {@code time}.
 */
@NullMarked
package dev.jobstatus.core;

import org.jspecify.annotations.NullMarked;
