package dev.jobstatus.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.time.ManualTimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Providers that share a {@link TokenStore} share one token and renew it once, under a lease in the store. */
class SharedTokenStoreTest {
    @Test
    void providersSharingAStoreFetchOnceAndUseOneToken() throws Exception {
        TokenStore held = TokenStore.inMemory();
        // The fetch goes on until every other provider has found it under way (the store leased, no token yet).
        Set<Thread> sawTheLease = ConcurrentHashMap.newKeySet();
        CountDownLatch othersWaiting = new CountDownLatch(7);
        TokenStore store = new TokenStore() {
            @Override
            public StoredToken read() {
                StoredToken stored = held.read();
                if (stored != null
                        && stored.token() == null
                        && stored.renewer() != null
                        && sawTheLease.add(Thread.currentThread())) {
                    othersWaiting.countDown();
                }
                return stored;
            }

            @Override
            public boolean replace(StoredToken expected, StoredToken replacement) {
                return held.replace(expected, replacement);
            }
        };
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        TokenFetcher slow = previous -> {
            fetches.incrementAndGet();
            await(othersWaiting);
            return new AccessToken("token-" + fetches.get(), null, "refresh");
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AuthHeaders>> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                CachingTokenProvider provider =
                        CachingTokenProvider.builder(slow).store(store).build();
                seen.add(pool.submit(() -> {
                    go.await();
                    return provider.headers();
                }));
            }
            go.countDown();
            for (Future<AuthHeaders> headers : seen) {
                assertThat(headers.get(30, TimeUnit.SECONDS))
                        .isEqualTo(AuthHeaders.of("Authorization", "Bearer token-1"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(othersWaiting.getCount())
                .as("providers still to find the fetch under way")
                .isZero();
        assertThat(fetches).hasValue(1);
        assertThat(held.read()).isEqualTo(StoredToken.of(new AccessToken("token-1", null, "refresh")));
    }

    @Test
    void aRejectedTokenIsRenewedOnceForEveryProviderAndWithTheLatestRefreshToken() {
        TokenStore store = TokenStore.inMemory();
        List<String> refreshTokensUsed = new ArrayList<>();
        TokenFetcher fetcher = previous -> {
            refreshTokensUsed.add(previous == null ? "none" : previous.refreshToken());
            int n = refreshTokensUsed.size();
            return new AccessToken("token-" + n, null, "refresh-" + n);
        };
        CachingTokenProvider first =
                CachingTokenProvider.builder(fetcher).store(store).build();
        CachingTokenProvider second =
                CachingTokenProvider.builder(fetcher).store(store).build();
        AuthHeaders original = first.headers();
        assertThat(second.headers()).isEqualTo(original);

        first.refresh(original);
        second.refresh(original);

        assertThat(second.headers())
                .isEqualTo(first.headers())
                .isEqualTo(AuthHeaders.of("Authorization", "Bearer token-2"));
        assertThat(refreshTokensUsed).containsExactly("none", "refresh-1");
    }

    @Test
    void aLeaseLeftByAStoppedRenewerIsTakenOverWhenItEnds() {
        TokenStore store = TokenStore.inMemory();
        ManualTimeSource time = new ManualTimeSource();
        Instant leaseEnds = time.now().plusMillis(300);
        store.replace(null, new StoredToken(null, "a process that stopped", leaseEnds));
        CachingTokenProvider provider = CachingTokenProvider.builder(previous -> new AccessToken("mine", null, null))
                .timeSource(time)
                .store(store)
                .build();

        assertThat(provider.headers()).isEqualTo(AuthHeaders.of("Authorization", "Bearer mine"));
        // It waited for the lease to run out, and not longer.
        assertThat(time.now()).isEqualTo(leaseEnds);
        assertThat(store.read()).isEqualTo(StoredToken.of(new AccessToken("mine", null, null)));
    }

    @Test
    void aFailedFetchHandsTheLeaseBack() {
        TokenStore store = TokenStore.inMemory();
        CachingTokenProvider provider = CachingTokenProvider.builder(previous -> {
                    throw new IllegalStateException("token endpoint down");
                })
                .store(store)
                .build();

        assertThatThrownBy(provider::headers).hasMessage("token endpoint down");
        assertThat(store.read()).isEqualTo(new StoredToken(null, null, null));
    }

    @Test
    void storedTokensNeverShowTheirSecrets() {
        StoredToken stored = new StoredToken(new AccessToken("s3cret", null, "r3fresh"), "renewer", Instant.EPOCH);
        assertThat(stored.toString()).doesNotContain("s3cret", "r3fresh");
    }

    /** Waits for {@code latch}, 30 s at most: only a safety net against a hang. */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
