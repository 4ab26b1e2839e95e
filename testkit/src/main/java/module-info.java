/** In-process simulators of the Nexudus, Wix and Asana job APIs, on MockWebServer, for tests and examples. */
module dev.jobstatus.testkit {
    requires transitive org.jspecify;
    requires transitive mockwebserver3;
    requires transitive okhttp3;
    requires com.fasterxml.jackson.databind;

    exports dev.jobstatus.testkit;

    // Jackson writes the simulators' records reflectively.
    opens dev.jobstatus.testkit to
            com.fasterxml.jackson.databind;
}
