package dev.jobstatus.examples;

/** Runs the examples in turn: {@code java -p <path> -m dev.jobstatus.examples/dev.jobstatus.examples.AllExamples}. */
public final class AllExamples {
    private AllExamples() {}

    public static void main(String[] args) {
        Env env = Env.system();
        NexudusListJobs.run(env, System.out);
        WixWaitWithProgress.run(env, System.out);
        AsanaWaitForJob.run(env, System.out);
        NexudusWatchMany.run(env, System.out);
    }
}
