package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.telemetry.ClientListener;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A caller's {@link ClientListener} with every call guarded: one that throws is logged at DEBUG, by the exception's
 * class alone (its message may hold anything), and ignored, so that it neither replaces a call's outcome nor escapes
 * into a thread that would then never complete the call. Applied once, when the transport is built.
 */
final class GuardedListener implements ClientListener {
    private static final System.Logger LOG = System.getLogger("dev.jobstatus.core");

    private final ClientListener listener;

    private GuardedListener(ClientListener listener) {
        this.listener = listener;
    }

    /** Returns {@code listener} guarded; the default listener, which cannot throw, as it is. */
    static ClientListener of(ClientListener listener) {
        return listener == ClientListener.none() || listener instanceof GuardedListener
                ? listener
                : new GuardedListener(listener);
    }

    @Override
    public Operation operationStarted(
            String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
        // The listener sees its own parent, not the guard around it.
        Operation own = parent instanceof GuardedOperation guarded ? guarded.operation : parent;
        try {
            Operation started = listener.operationStarted(provider, operation, jobId, own);
            return started == null || started == Operation.NONE ? Operation.NONE : new GuardedOperation(started);
        } catch (RuntimeException | Error e) {
            threw("operationStarted", e);
            return Operation.NONE;
        }
    }

    private static void threw(String method, Throwable e) {
        // Only a JVM out of memory goes on: a listener that recursed too deep has unwound, and the call it observes
        // must still end (an async call's future would otherwise never complete).
        if (e instanceof OutOfMemoryError fatal) {
            throw fatal;
        }
        LOG.log(
                System.Logger.Level.DEBUG,
                () -> "ClientListener." + method + " threw " + e.getClass().getName() + "; ignored");
    }

    private static final class GuardedOperation implements Operation {
        private final Operation operation;

        GuardedOperation(Operation operation) {
            this.operation = operation;
        }

        @Override
        public Attempt attemptStarted(String method, String host, int port, String urlTemplate, int resendCount) {
            try {
                Attempt attempt = operation.attemptStarted(method, host, port, urlTemplate, resendCount);
                return attempt == null || attempt == Attempt.NONE ? Attempt.NONE : new GuardedAttempt(attempt);
            } catch (RuntimeException | Error e) {
                threw("attemptStarted", e);
                return Attempt.NONE;
            }
        }

        @Override
        public void rateLimited(Duration wait) {
            try {
                operation.rateLimited(wait);
            } catch (RuntimeException | Error e) {
                threw("rateLimited", e);
            }
        }

        @Override
        public void throttled(int status, @Nullable Duration retryAfter) {
            try {
                operation.throttled(status, retryAfter);
            } catch (RuntimeException | Error e) {
                threw("throttled", e);
            }
        }

        @Override
        public void retryScheduled(Duration delay, String cause) {
            try {
                operation.retryScheduled(delay, cause);
            } catch (RuntimeException | Error e) {
                threw("retryScheduled", e);
            }
        }

        @Override
        public void polled(int poll, String state) {
            try {
                operation.polled(poll, state);
            } catch (RuntimeException | Error e) {
                threw("polled", e);
            }
        }

        @Override
        public void watchRound(int requests, int watched) {
            try {
                operation.watchRound(requests, watched);
            } catch (RuntimeException | Error e) {
                threw("watchRound", e);
            }
        }

        @Override
        public void ended(@Nullable Throwable error) {
            try {
                operation.ended(error);
            } catch (RuntimeException | Error e) {
                threw("ended", e);
            }
        }
    }

    private static final class GuardedAttempt implements Attempt {
        private final Attempt attempt;

        GuardedAttempt(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public void protocol(String version) {
            try {
                attempt.protocol(version);
            } catch (RuntimeException | Error e) {
                threw("Attempt.protocol", e);
            }
        }

        @Override
        public void ended(int status, @Nullable Throwable error) {
            try {
                attempt.ended(status, error);
            } catch (RuntimeException | Error e) {
                threw("Attempt.ended", e);
            }
        }
    }
}
