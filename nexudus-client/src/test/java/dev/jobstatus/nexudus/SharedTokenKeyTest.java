package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.SharedState;
import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NexudusSimulator.TokenRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients sharing state share a token only when it was issued by the origin they call, for the credentials they
 * hold: another base URL, or a wrong password, never sends the first client's token.
 */
class SharedTokenKeyTest {
    private final ManualTimeSource time = new ManualTimeSource();
    private final InMemorySharedState shared = new InMemorySharedState();
    private final NexudusSimulator first = NexudusSimulator.start().seed(3).withoutRateLimits();
    private final NexudusSimulator second = NexudusSimulator.start().seed(3).withoutRateLimits();

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private NexudusClient client(NexudusSimulator simulator, String password) {
        return NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .timeSource(time)
                .passwordGrant(NexudusSimulator.USERNAME, password)
                .sharedState(shared)
                .build();
    }

    @Test
    void aClientOfTheSameAccountAtAnotherBaseUrlSignsInThereAndNeverSendsTheFirstsToken() throws Exception {
        try (NexudusClient one = client(first, NexudusSimulator.PASSWORD);
                NexudusClient other = client(second, NexudusSimulator.PASSWORD)) {
            one.backgroundJobs().get(1);

            assertThat(other.backgroundJobs().get(2).id()).isEqualTo(2);
        }

        List<RecordedRequest> atSecond = requests(second);
        assertThat(atSecond)
                .extracting(RecordedRequest::getRequestLine)
                .containsExactly("POST /api/token HTTP/1.1", "GET /api/sys/businessbackgroundjobs/2 HTTP/1.1");
        assertThat(second.tokenRequests()).extracting(TokenRequest::grantType).containsExactly("password");
        assertThat(shared.tokenKeys)
                .hasSize(2)
                .allSatisfy(key -> assertThat(key).doesNotContain(NexudusSimulator.PASSWORD));
        assertThat(shared.tokenKeys.get(0)).startsWith("nexudus/" + NexudusSimulator.USERNAME + "/" + origin(first));
        assertThat(shared.tokenKeys.get(1)).startsWith("nexudus/" + NexudusSimulator.USERNAME + "/" + origin(second));
    }

    @Test
    void aClientWithAWrongPasswordIsRefusedAndNeverSendsTheRightOnesToken() throws Exception {
        try (NexudusClient right = client(first, NexudusSimulator.PASSWORD);
                NexudusClient wrong = client(first, "not the password")) {
            right.backgroundJobs().get(1);
            int before = first.server().getRequestCount();

            AuthenticationException refused = catchThrowableOfType(
                    AuthenticationException.class, () -> wrong.backgroundJobs().get(1));

            assertThat(refused.errorCode()).isEqualTo("invalid_grant");
            List<RecordedRequest> after =
                    requests(first).subList(before, first.server().getRequestCount());
            assertThat(after).extracting(RecordedRequest::getRequestLine).containsExactly("POST /api/token HTTP/1.1");
            assertThat(right.backgroundJobs().get(2).id())
                    .as("the right client keeps its token")
                    .isEqualTo(2);
        }
        assertThat(first.tokenRequests())
                .extracting(r -> r.form().get("password"))
                .containsExactly(NexudusSimulator.PASSWORD, "not the password");
        assertThat(shared.tokenKeys.get(0)).isNotEqualTo(shared.tokenKeys.get(1));
        assertThat(shared.quotaKeys)
                .as("one quota for the account")
                .containsOnly("nexudus/" + NexudusSimulator.USERNAME);
    }

    private static String origin(NexudusSimulator simulator) {
        return "http://" + simulator.baseUrl().host() + ":"
                + simulator.baseUrl().port();
    }

    private static List<RecordedRequest> requests(NexudusSimulator simulator) throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (int i = simulator.server().getRequestCount(); i > 0; i--) {
            all.add(simulator.server().takeRequest());
        }
        return all;
    }

    /** Shared state in this process, as a fleet's would be in Redis: a token store and a quota per key. */
    private static final class InMemorySharedState implements SharedState {
        final List<String> tokenKeys = new CopyOnWriteArrayList<>();
        final List<String> quotaKeys = new CopyOnWriteArrayList<>();
        private final Map<String, TokenStore> stores = new ConcurrentHashMap<>();

        @Override
        public RateLimiter rateLimiter(String key, List<RateLimiter.Window> windows) {
            quotaKeys.add(key);
            return RateLimiter.unlimited();
        }

        @Override
        public TokenStore tokenStore(String key) {
            tokenKeys.add(key);
            return stores.computeIfAbsent(key, k -> TokenStore.inMemory());
        }
    }
}
