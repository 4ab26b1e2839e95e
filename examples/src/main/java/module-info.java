/**
 * The runnable examples, one per use case and provider. They run on the module path as well as on the class
 * path; offline, against the testkit's simulators, unless credentials are in the environment.
 */
module dev.jobstatus.examples {
    requires dev.jobstatus.nexudus;
    requires dev.jobstatus.wix;
    requires dev.jobstatus.asana;
    requires dev.jobstatus.testkit;
}
