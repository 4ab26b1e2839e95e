package dev.jobstatus.spring.boot;

import dev.jobstatus.core.telemetry.ClientListener;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tells several listeners of one client the same events, each with its own observers of the operation's parts. */
final class CompositeListener implements ClientListener {
    private final List<ClientListener> listeners;

    private CompositeListener(List<ClientListener> listeners) {
        this.listeners = listeners;
    }

    static ClientListener of(List<ClientListener> listeners) {
        return listeners.isEmpty()
                ? ClientListener.none()
                : listeners.size() == 1 ? listeners.get(0) : new CompositeListener(List.copyOf(listeners));
    }

    @Override
    public Operation operationStarted(
            String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
        Operation[] operations = new Operation[listeners.size()];
        for (int i = 0; i < operations.length; i++) {
            Operation ownParent = parent instanceof Operations outer ? outer.operations[i] : parent;
            operations[i] = listeners.get(i).operationStarted(provider, operation, jobId, ownParent);
        }
        return new Operations(operations);
    }

    /** One operation as each listener observes it. */
    private static final class Operations implements Operation {
        private final Operation[] operations;

        Operations(Operation[] operations) {
            this.operations = operations;
        }

        @Override
        public Attempt attemptStarted(String method, String host, int port, String urlTemplate, int resendCount) {
            Attempt[] attempts = new Attempt[operations.length];
            for (int i = 0; i < attempts.length; i++) {
                attempts[i] = operations[i].attemptStarted(method, host, port, urlTemplate, resendCount);
            }
            return new Attempt() {
                @Override
                public void protocol(String version) {
                    for (Attempt attempt : attempts) {
                        attempt.protocol(version);
                    }
                }

                @Override
                public void ended(int status, @Nullable Throwable error) {
                    for (Attempt attempt : attempts) {
                        attempt.ended(status, error);
                    }
                }
            };
        }

        @Override
        public void rateLimited(Duration wait) {
            for (Operation operation : operations) {
                operation.rateLimited(wait);
            }
        }

        @Override
        public void throttled(int status, @Nullable Duration retryAfter) {
            for (Operation operation : operations) {
                operation.throttled(status, retryAfter);
            }
        }

        @Override
        public void retryScheduled(Duration delay, String cause) {
            for (Operation operation : operations) {
                operation.retryScheduled(delay, cause);
            }
        }

        @Override
        public void polled(int poll, String state) {
            for (Operation operation : operations) {
                operation.polled(poll, state);
            }
        }

        @Override
        public void watchRound(int requests, int watched) {
            for (Operation operation : operations) {
                operation.watchRound(requests, watched);
            }
        }

        @Override
        public void ended(@Nullable Throwable error) {
            for (Operation operation : operations) {
                operation.ended(error);
            }
        }
    }
}
