/**
 * The shared core of the jobstatus SDK: the exception tree, credentials, retries, rate limiting, auto-paging and
 * job waiting that the provider clients build on. Its internal packages are exported only to those clients.
 */
// The qualified export names the provider modules, which are compiled after this one.
@SuppressWarnings("module")
module dev.jobstatus.core {
    requires transitive okhttp3;
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive org.jspecify;
    requires com.fasterxml.jackson.databind;

    exports dev.jobstatus.core;
    exports dev.jobstatus.core.auth;
    exports dev.jobstatus.core.client;
    exports dev.jobstatus.core.exception;
    exports dev.jobstatus.core.paging;
    exports dev.jobstatus.core.polling;
    exports dev.jobstatus.core.retry;
    exports dev.jobstatus.core.telemetry;
    exports dev.jobstatus.core.time;
    exports dev.jobstatus.core.watch;
    exports dev.jobstatus.core.internal.auth to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.checks to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.client to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.errors to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.pacing to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.polling to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.text to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.timing to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.transport to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.json to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana,
            dev.jobstatus.redis;
    exports dev.jobstatus.core.internal.watch to
            dev.jobstatus.nexudus,
            dev.jobstatus.wix,
            dev.jobstatus.asana;

    // Jackson maps JSON into the SDK's records and instantiates its deserializers reflectively.
    opens dev.jobstatus.core to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.core.polling to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.core.internal.auth to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.core.internal.errors to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.core.internal.transport to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.core.internal.json to
            com.fasterxml.jackson.databind;
}
