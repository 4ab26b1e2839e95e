package dev.jobstatus.core.polling;

/** What every provider's job record tells about its progress, in the SDK's common terms. */
public interface JobView {
    /** {@return the job's state, mapped from the provider's status} */
    JobState state();

    /** {@return how far the job has come; {@link Progress#UNKNOWN} when the provider does not say} */
    default Progress progress() {
        return Progress.UNKNOWN;
    }
}
