/** The Wix client: {@code AsyncJob} get, job items with cursor paging, and waiting with progress. */
module dev.jobstatus.wix {
    requires transitive dev.jobstatus.core;
    requires com.fasterxml.jackson.databind;

    exports dev.jobstatus.wix;
    exports dev.jobstatus.wix.model;

    // Jackson maps JSON into the records and instantiates the deserializers reflectively.
    opens dev.jobstatus.wix to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.wix.model to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.wix.internal to
            com.fasterxml.jackson.databind;
}
