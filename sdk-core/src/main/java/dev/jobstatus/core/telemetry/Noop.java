package dev.jobstatus.core.telemetry;

/** The default listener: every operation is {@link ClientListener.Operation#NONE}. */
final class Noop {
    static final ClientListener LISTENER = (provider, operation, jobId, parent) -> ClientListener.Operation.NONE;

    private Noop() {}
}
