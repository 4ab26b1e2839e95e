/** The Redis-backed limiter and token store, and how they fall back when Redis is away; not API. */
@NullMarked
package dev.jobstatus.redis.internal;

import org.jspecify.annotations.NullMarked;
