package dev.jobstatus.reliability;

import static dev.jobstatus.testkit.Responses.json;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.wix.WixClient;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/** What the fault matrix needs to know of a provider: its bodies, its calls, its credentials and secrets. */
abstract class ProviderUnderTest {
    /** How a case's client is set up. */
    record Setup(
            HttpUrl baseUrl, ManualTimeSource time, long maxResponseBytes, Duration readTimeout, boolean tokenFlow) {}

    static final ProviderUnderTest NEXUDUS = new ProviderUnderTest() {
        static final String TOKEN = "nexudus-static-SECRET-token";
        static final String PASSWORD = "nexudus-PASSWORD-secret";

        @Override
        String name() {
            return "nexudus";
        }

        @Override
        String job(String status) {
            return "{\"Id\":1,\"Status\":\"" + status
                    + "\",\"CreatedOn\":\"2025-01-01T00:00:00Z\",\"UpdatedOn\":\"2025-01-01T00:01:00\"}";
        }

        @Override
        String running() {
            return "Running";
        }

        @Override
        String succeeded() {
            return "Completed";
        }

        @Override
        String unknownFieldsEverywhere() {
            return "{\"Id\":1,\"Status\":\"Completed\",\"Brand\":{\"new\":[1,{\"deep\":true}]},"
                    + "\"CustomFields\":{\"Data\":[{\"Name\":\"x\",\"Value\":{\"nested\":1}}]},\"LocalizationDetails\":[1,2]}";
        }

        @Override
        String missingOptionalFields() {
            return "{\"Id\":1}";
        }

        @Override
        String wrongType() {
            return "{\"Id\":\"one\"}";
        }

        @Override
        boolean throttlesWith409() {
            return true;
        }

        @Override
        List<MockResponse> failingRefreshAfter401() {
            return List.of(
                    json(
                            200,
                            "{\"access_token\":\"nexudus-access-SECRET-1\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                                    + "\"refresh_token\":\"nexudus-refresh-SECRET-1\"}"),
                    json(401, "{\"Message\":\"Authorization has been denied for this request.\"}"),
                    json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid.\"}"),
                    json(
                            400,
                            "{\"error\":\"invalid_grant\",\"error_description\":\"The user name or password is incorrect.\"}"));
        }

        @Override
        List<String> secrets() {
            return List.of(TOKEN, PASSWORD, "nexudus-access-SECRET-1", "nexudus-refresh-SECRET-1");
        }

        private NexudusClient client(Setup setup) {
            NexudusClient.Builder b = configure(NexudusClient.builder(), setup);
            return (setup.tokenFlow() ? b.passwordGrant("admin@example.com", PASSWORD) : b.bearerToken(TOKEN)).build();
        }

        @Override
        Object get(Setup setup) {
            try (NexudusClient client = client(setup)) {
                return client.backgroundJobs().get(1);
            }
        }

        @Override
        JobView await(Setup setup) {
            try (NexudusClient client = client(setup)) {
                return client.backgroundJobs().waitFor(1);
            }
        }
    };

    static final ProviderUnderTest WIX = new ProviderUnderTest() {
        static final String API_KEY = "wix-API-KEY-secret";
        static final String CLIENT_SECRET = "wix-CLIENT-secret-value";

        @Override
        String name() {
            return "wix";
        }

        @Override
        String job(String status) {
            return "{\"job\":{\"id\":\"1\",\"status\":\"" + status
                    + "\",\"counts\":{\"total\":10,\"successCount\":3,\"failCount\":0}}}";
        }

        @Override
        String running() {
            return "PROCESSING";
        }

        @Override
        String succeeded() {
            return "FINISHED";
        }

        @Override
        String unknownFieldsEverywhere() {
            return "{\"job\":{\"id\":\"1\",\"status\":\"FINISHED\",\"newTopLevel\":1,\"createdBy\":{\"type\":\"ROBOT_ID\","
                    + "\"robotId\":\"r\",\"extra\":{\"a\":1}},\"counts\":{\"successCount\":1,\"newCount\":{\"x\":2}}},\"meta\":{\"v\":2}}";
        }

        @Override
        String missingOptionalFields() {
            return "{\"job\":{\"id\":\"1\"}}";
        }

        @Override
        String wrongType() {
            return "{\"job\":{\"id\":\"1\",\"counts\":{\"successCount\":\"many\"}}}";
        }

        @Override
        List<MockResponse> failingRefreshAfter401() {
            return List.of(
                    json(
                            200,
                            "{\"access_token\":\"wix-access-SECRET-1\",\"token_type\":\"Bearer\",\"expires_in\":14400}"),
                    json(
                            401,
                            "{\"message\":\"Unauthorized\",\"details\":{\"applicationError\":{\"code\":\"UNAUTHORIZED\"}}}"),
                    json(400, "{\"message\":\"invalid client credentials\"}"));
        }

        @Override
        List<String> secrets() {
            return List.of(API_KEY, CLIENT_SECRET, "wix-access-SECRET-1");
        }

        private WixClient client(Setup setup) {
            WixClient.Builder b = configure(WixClient.builder(), setup);
            return (setup.tokenFlow()
                            ? b.oauth("app-1", CLIENT_SECRET, "inst-1")
                            : b.apiKey(API_KEY).siteId("site-1"))
                    .build();
        }

        @Override
        Object get(Setup setup) {
            try (WixClient client = client(setup)) {
                return client.asyncJobs().get("1");
            }
        }

        @Override
        JobView await(Setup setup) {
            try (WixClient client = client(setup)) {
                return client.asyncJobs().waitFor("1");
            }
        }
    };

    static final ProviderUnderTest ASANA = new ProviderUnderTest() {
        static final String TOKEN = "2/1200/asana-PAT-SECRET";

        @Override
        String name() {
            return "asana";
        }

        @Override
        String job(String status) {
            return "{\"data\":{\"gid\":\"1\",\"resource_type\":\"job\",\"status\":\"" + status + "\"}}";
        }

        @Override
        String running() {
            return "in_progress";
        }

        @Override
        String succeeded() {
            return "succeeded";
        }

        @Override
        String unknownFieldsEverywhere() {
            return "{\"data\":{\"gid\":\"1\",\"status\":\"succeeded\",\"resource_subtype\":\"new_kind\","
                    + "\"new_task\":{\"gid\":\"t\",\"deep\":{\"x\":[1]}},\"extra\":true},\"meta\":1}";
        }

        @Override
        String missingOptionalFields() {
            return "{\"data\":{\"gid\":\"1\"}}";
        }

        @Override
        String wrongType() {
            return "{\"data\":{\"gid\":{\"nested\":\"object\"}}}";
        }

        @Override
        List<MockResponse> failingRefreshAfter401() {
            // A static token cannot be renewed: the 401 is final at once.
            return List.of(json(401, "{\"errors\":[{\"message\":\"Not Authorized\"}]}"));
        }

        @Override
        List<String> secrets() {
            return List.of(TOKEN);
        }

        private AsanaClient client(Setup setup) {
            return configure(AsanaClient.builder(), setup).bearerToken(TOKEN).build();
        }

        @Override
        Object get(Setup setup) {
            try (AsanaClient client = client(setup)) {
                return client.jobs().get("1");
            }
        }

        @Override
        JobView await(Setup setup) {
            try (AsanaClient client = client(setup)) {
                return client.jobs().waitFor("1");
            }
        }
    };

    abstract String name();

    /** A job body with {@code status}, in the provider's envelope. */
    abstract String job(String status);

    abstract String running();

    abstract String succeeded();

    abstract String unknownFieldsEverywhere();

    abstract String missingOptionalFields();

    /** A body whose shape is right but one value has the wrong type. */
    abstract String wrongType();

    /** Whether a 409 with Retry-After is this provider's throttle. */
    boolean throttlesWith409() {
        return false;
    }

    /** The responses of a token flow where the first request's 401 cannot be cured by renewing credentials. */
    abstract List<MockResponse> failingRefreshAfter401();

    /** Every secret the provider's cases use. */
    abstract List<String> secrets();

    abstract Object get(Setup setup);

    abstract JobView await(Setup setup);

    static <B extends ClientBuilder<B>> B configure(B builder, Setup setup) {
        return builder.baseUrl(setup.baseUrl())
                .timeSource(setup.time())
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.builder().fullJitter(false).build())
                .maxResponseBytes(setup.maxResponseBytes())
                .readTimeout(setup.readTimeout())
                .pollPolicy(PollPolicy.builder()
                        .initialInterval(Duration.ofSeconds(1))
                        .multiplier(1)
                        .jitter(0)
                        .timeout(Duration.ofSeconds(10))
                        .build());
    }

    @Override
    public String toString() {
        return name();
    }
}
