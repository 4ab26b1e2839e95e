/**
 * Pacing and tokens shared through Redis by every client, in any process, of one provider account: see
 * {@link dev.jobstatus.redis.RedisSharedState}.
 */
@NullMarked
package dev.jobstatus.redis;

import org.jspecify.annotations.NullMarked;
