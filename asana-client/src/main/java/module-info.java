/** The Asana client: {@code Job} get with type-safe {@code opt_fields}, and waiting. */
module dev.jobstatus.asana {
    requires transitive dev.jobstatus.core;
    requires com.fasterxml.jackson.databind;

    exports dev.jobstatus.asana;
    exports dev.jobstatus.asana.model;

    // Jackson maps JSON into the records reflectively.
    opens dev.jobstatus.asana to
            com.fasterxml.jackson.databind;
    opens dev.jobstatus.asana.model to
            com.fasterxml.jackson.databind;
}
