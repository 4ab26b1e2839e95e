package dev.jobstatus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.client.ProviderClient;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.wix.WixClient;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three builders check credentials by one set of rules: a null or blank secret or id is an
 * {@link IllegalArgumentException} naming it (never quoting any value) when its method is called, and the method then
 * counts as not chosen; a null provider is a {@link NullPointerException}; none chosen, or two, is an
 * {@link IllegalStateException} from {@code build()} that lists the ways.
 */
class CredentialChecksTest {
    private static final String SECRET = "S3cr3t-value-never-printed";
    private static final CredentialProvider OWN = CredentialProvider.bearerToken(SECRET);

    /** One provider's builder, driven without knowing its type. */
    record Provider<B>(
            String name,
            Supplier<B> builder,
            Function<B, ProviderClient> build,
            String oneWay,
            Consumer<B> chooseOneWay,
            BiConsumer<B, CredentialProvider> credentials,
            Map<String, BiConsumer<B, String>> values) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Provider<?>> providers() {
        Map<String, BiConsumer<NexudusClient.Builder, String>> nexudus = new LinkedHashMap<>();
        nexudus.put("token", NexudusClient.Builder::bearerToken);
        nexudus.put("username", (b, v) -> b.passwordGrant(v, SECRET));
        nexudus.put("password", (b, v) -> b.passwordGrant("ada@example.com", v));
        nexudus.put("email", (b, v) -> b.basicAuth(v, SECRET));
        nexudus.put("password ", (b, v) -> b.basicAuth("ada@example.com", v));
        Map<String, BiConsumer<WixClient.Builder, String>> wix = new LinkedHashMap<>();
        wix.put("apiKey", WixClient.Builder::apiKey);
        wix.put("siteId", WixClient.Builder::siteId);
        wix.put("accountId", WixClient.Builder::accountId);
        wix.put("clientId", (b, v) -> b.oauth(v, SECRET, "instance"));
        wix.put("clientSecret", (b, v) -> b.oauth("client", v, "instance"));
        wix.put("instanceId", (b, v) -> b.oauth("client", SECRET, v));
        wix.put("accessToken", WixClient.Builder::accessToken);
        Map<String, BiConsumer<AsanaClient.Builder, String>> asana = new LinkedHashMap<>();
        asana.put("token", AsanaClient.Builder::bearerToken);
        asana.put("clientId", (b, v) -> b.oauthRefresh(v, SECRET, SECRET));
        asana.put("clientSecret", (b, v) -> b.oauthRefresh("client", v, SECRET));
        asana.put("refreshToken", (b, v) -> b.oauthRefresh("client", SECRET, v));
        return Stream.of(
                new Provider<>(
                        "nexudus",
                        NexudusClient::builder,
                        NexudusClient.Builder::build,
                        "bearerToken",
                        b -> b.bearerToken(SECRET),
                        NexudusClient.Builder::credentials,
                        nexudus),
                new Provider<>(
                        "wix",
                        WixClient::builder,
                        WixClient.Builder::build,
                        "accessToken",
                        b -> b.accessToken(SECRET),
                        WixClient.Builder::credentials,
                        wix),
                new Provider<>(
                        "asana",
                        AsanaClient::builder,
                        AsanaClient.Builder::build,
                        "bearerToken",
                        b -> b.bearerToken(SECRET),
                        AsanaClient.Builder::credentials,
                        asana));
    }

    @ParameterizedTest
    @MethodSource("providers")
    <B> void noWayChosenIsAnIllegalStateListingTheWays(Provider<B> p) {
        Throwable e = catchThrowable(() -> p.build().apply(p.builder().get()));

        assertThat(e)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Credentials required: call ")
                .hasMessageContaining(p.oneWay())
                .hasMessageContaining(" or credentials.");
    }

    @ParameterizedTest
    @MethodSource("providers")
    <B> void twoWaysChosenIsAnIllegalStateNamingBothAndNoSecret(Provider<B> p) {
        B builder = p.builder().get();
        p.chooseOneWay().accept(builder);
        p.credentials().accept(builder, OWN);

        Throwable e = catchThrowable(() -> p.build().apply(builder));

        assertThat(e)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Choose one way of authenticating: " + p.oneWay() + " and credentials were both called.");
    }

    @ParameterizedTest
    @MethodSource("providers")
    <B> void aNullOrBlankValueIsAnIllegalArgumentNamingItAndTheWayIsNotChosen(Provider<B> p) {
        for (Map.Entry<String, BiConsumer<B, String>> value : p.values().entrySet()) {
            for (String bad : Arrays.asList(null, "", "  \t")) {
                B builder = p.builder().get();

                Throwable e = catchThrowable(() -> value.getValue().accept(builder, bad));

                assertThat(e)
                        .as("%s %s(%s)", p, value.getKey(), bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(value.getKey().strip() + " must not be null or blank");
                p.credentials().accept(builder, OWN);
                try (ProviderClient client = p.build().apply(builder)) {
                    assertThat(client)
                            .as("the refused way does not count as chosen")
                            .isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    <B> void aNullProviderIsANullPointerAndItsMessageNamesIt(Provider<B> p) {
        Throwable e = catchThrowable(() -> p.credentials().accept(p.builder().get(), null));

        assertThat(e).isInstanceOf(NullPointerException.class).hasMessage("credentials");
    }
}
