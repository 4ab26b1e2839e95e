package dev.jobstatus.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.telemetry.ClientListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CompositeListenerTest {
    /** Records every event it is told, as "name(args)". */
    private static final class Recording implements ClientListener {
        final List<String> events = new ArrayList<>();

        @Override
        public Operation operationStarted(
                String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
            events.add("started(" + operation + ", parent " + (parent != null) + ")");
            return new Operation() {
                @Override
                public Attempt attemptStarted(
                        String method, String host, int port, String urlTemplate, int resendCount) {
                    events.add("attempt(" + method + " " + urlTemplate + ")");
                    return new Attempt() {
                        @Override
                        public void protocol(String version) {
                            events.add("protocol(" + version + ")");
                        }

                        @Override
                        public void ended(int status, @Nullable Throwable error) {
                            events.add("attemptEnded(" + status + ")");
                        }
                    };
                }

                @Override
                public void rateLimited(Duration wait) {
                    events.add("rateLimited(" + wait + ")");
                }

                @Override
                public void throttled(int status, @Nullable Duration retryAfter) {
                    events.add("throttled(" + status + ")");
                }

                @Override
                public void retryScheduled(Duration delay, String cause) {
                    events.add("retry(" + cause + ")");
                }

                @Override
                public void polled(int poll, String state) {
                    events.add("polled(" + poll + ", " + state + ")");
                }

                @Override
                public void watchRound(int requests, int watched) {
                    events.add("watchRound(" + requests + ", " + watched + ")");
                }

                @Override
                public void ended(@Nullable Throwable error) {
                    events.add("ended(" + error + ")");
                }
            };
        }
    }

    @Test
    void everyEventOfAnOperationAndItsAttemptsReachesEveryListener() {
        Recording first = new Recording();
        Recording second = new Recording();
        ClientListener composite = CompositeListener.of(List.of(first, second));

        ClientListener.Operation call = composite.operationStarted("nexudus", "get", "7", null);
        ClientListener.Operation token = composite.operationStarted("nexudus", "token", null, call);
        token.ended(null);
        ClientListener.Attempt attempt = call.attemptStarted("GET", "localhost", 80, "/jobs/{id}", 0);
        attempt.protocol("1.1");
        attempt.ended(200, null);
        call.rateLimited(Duration.ofMillis(5));
        call.throttled(409, Duration.ofSeconds(1));
        call.retryScheduled(Duration.ofMillis(100), "HTTP 409");
        call.polled(2, "RUNNING");
        call.watchRound(1, 1000);
        call.ended(null);

        List<String> expected = List.of(
                "started(get, parent false)",
                "started(token, parent true)",
                "ended(null)",
                "attempt(GET /jobs/{id})",
                "protocol(1.1)",
                "attemptEnded(200)",
                "rateLimited(PT0.005S)",
                "throttled(409)",
                "retry(HTTP 409)",
                "polled(2, RUNNING)",
                "watchRound(1, 1000)",
                "ended(null)");
        assertThat(first.events).containsExactlyElementsOf(expected);
        assertThat(second.events).containsExactlyElementsOf(expected);
    }

    @Test
    void theCompositeForwardsEveryMethodTheListenerInterfacesDeclare() {
        // A method added to ClientListener.Operation or .Attempt with a default body would otherwise be swallowed by
        // the composite: the test above lists the events of today, this one notices tomorrow's.
        ClientListener composite = CompositeListener.of(List.of(new Recording(), new Recording()));
        ClientListener.Operation operation = composite.operationStarted("wix", "get", null, null);
        ClientListener.Attempt attempt = operation.attemptStarted("GET", "h", 1, "/", 0);

        assertThat(undeclared(ClientListener.Operation.class, operation.getClass()))
                .isEmpty();
        assertThat(undeclared(ClientListener.Attempt.class, attempt.getClass())).isEmpty();
    }

    private static List<String> undeclared(Class<?> api, Class<?> implementation) {
        return Arrays.stream(api.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declares(implementation, m))
                .map(Method::getName)
                .toList();
    }

    private static boolean declares(Class<?> implementation, Method method) {
        try {
            implementation.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
