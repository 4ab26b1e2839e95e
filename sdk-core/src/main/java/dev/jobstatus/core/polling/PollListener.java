package dev.jobstatus.core.polling;

/**
 * Is told of every poll of a wait, for example to draw progress. Called on the waiting thread (or, for an
 * asynchronous wait, on an SDK thread): it must return quickly. An exception it throws ends the wait.
 *
 * @param <J> the job type
 */
@FunctionalInterface
public interface PollListener<J> {
    /**
     * Receives one poll's result.
     *
     * @param event the poll: its number, the job, when the next poll is due
     */
    void onPoll(PollEvent<? extends J> event);

    /**
     * {@return a listener that does nothing}
     *
     * @param <J> the job type
     */
    static <J> PollListener<J> none() {
        return event -> {};
    }
}
