/**
 * One provider quota and one access token shared by many processes, on Redis: {@link
 * dev.jobstatus.redis.RedisSharedState}, through Bucket4j's distributed buckets and the Lettuce client.
 */
module dev.jobstatus.redis {
    requires transitive dev.jobstatus.core;
    requires com.fasterxml.jackson.databind;
    requires io.github.bucket4j.core;
    requires io.github.bucket4j.lettuce;
    requires lettuce.core;

    exports dev.jobstatus.redis;
}
