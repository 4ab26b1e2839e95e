package dev.jobstatus.reliability;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.wix.WixClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM of its own by {@link HygieneAndConcurrencyTest}: builds a client of each provider against the
 * simulators whose base URLs it is given (Nexudus, Wix, Asana), makes an asynchronous and a blocking call with each,
 * leaves a wait of each pending between two polls, and returns from {@code main} without closing anything. The JVM
 * must then exit.
 */
final class UnclosedClientsMain {
    private UnclosedClientsMain() {}

    public static void main(String[] args) throws Exception {
        PollPolicy slow = PollPolicy.builder()
                .initialInterval(Duration.ofMinutes(10))
                .maxInterval(Duration.ofMinutes(10))
                .timeout(Duration.ofHours(1))
                .build();
        // A password grant, so that the token is fetched on the client's credential threads too.
        NexudusClient nexudus = NexudusClient.builder()
                .baseUrl(args[0])
                .rateLimiter(RateLimiter.unlimited())
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .pollPolicy(slow)
                .build();
        WixClient wix = WixClient.builder()
                .baseUrl(args[1])
                .rateLimiter(RateLimiter.unlimited())
                .apiKey(WixSimulator.API_KEY)
                .siteId(WixSimulator.SITE_ID)
                .pollPolicy(slow)
                .build();
        AsanaClient asana = AsanaClient.builder()
                .baseUrl(args[2])
                .rateLimiter(RateLimiter.unlimited())
                .bearerToken(AsanaSimulator.TOKEN)
                .pollPolicy(slow)
                .build();

        nexudus.backgroundJobs().getAsync(1).get(30, TimeUnit.SECONDS);
        nexudus.backgroundJobs().get(1);
        wix.asyncJobs().getAsync("w1").get(30, TimeUnit.SECONDS);
        wix.asyncJobs().get("w1");
        asana.jobs().getAsync("a1").get(30, TimeUnit.SECONDS);
        asana.jobs().get("a1");

        nexudus.backgroundJobs().waiter(2).awaitAsync();
        wix.asyncJobs().waiter("w-run").awaitAsync();
        asana.jobs().waiter("a-run").awaitAsync();
        System.out.println("main returns");
    }
}
