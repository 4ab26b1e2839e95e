/** The Nexudus client: {@code BusinessBackgroundJob} get, listing with auto-paging, and waiting. */
module dev.jobstatus.nexudus {
    requires transitive dev.jobstatus.core;
    requires com.fasterxml.jackson.databind;

    exports dev.jobstatus.nexudus;
    exports dev.jobstatus.nexudus.model;

    // Jackson maps JSON into the records and instantiates the deserializers reflectively.
    opens dev.jobstatus.nexudus to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.nexudus.model to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.nexudus.internal to
            com.fasterxml.jackson.databind;
}
