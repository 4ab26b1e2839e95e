package dev.jobstatus.core.watch;

/**
 * Is told of what a {@link JobWatcher} sees: each change of a job, its end, and a job whose polling the provider's
 * quota slows. Called on an SDK thread (the client's scheduler or OkHttp's): it must return quickly. An exception it
 * throws is logged at DEBUG and ignored.
 *
 * @param <J> the job type
 */
@FunctionalInterface
public interface WatchListener<J> {
    /**
     * Receives one event.
     *
     * @param event what happened
     */
    void onEvent(WatchEvent<? extends J> event);

    /**
     * {@return a listener that does nothing}
     *
     * @param <J> the job type
     */
    static <J> WatchListener<J> none() {
        return event -> {};
    }
}
