/**
 * Micrometer Observations of the jobstatus clients: {@link dev.jobstatus.micrometer.JobstatusObservations}, a
 * {@code ClientListener} on {@code micrometer-observation}.
 */
module dev.jobstatus.micrometer {
    requires transitive dev.jobstatus.core;
    requires transitive micrometer.observation;
    requires micrometer.commons;

    exports dev.jobstatus.micrometer;
}
