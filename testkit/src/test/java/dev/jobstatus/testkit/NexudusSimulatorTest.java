package dev.jobstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.PlainHttp.Answer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Nexudus simulator follows provider-facts.md where our first reading did not: each test shows it refusing
 * what a client written from that reading would do.
 */
class NexudusSimulatorTest {
    private final PlainHttp plain = new PlainHttp();

    @AfterEach
    void close() throws Exception {
        plain.close();
    }

    private Answer token(NexudusSimulator nexudus, String clientIdHeader, String... fields) throws IOException {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        Request.Builder request =
                new Request.Builder().url(nexudus.baseUrl() + "api/token").post(form.build());
        if (clientIdHeader != null) {
            request.header("client_id", clientIdHeader);
        }
        return plain.call(request.build());
    }

    private Answer passwordGrant(NexudusSimulator nexudus, String clientIdHeader) throws IOException {
        return token(
                nexudus,
                clientIdHeader,
                "grant_type",
                "password",
                "username",
                NexudusSimulator.USERNAME,
                "password",
                NexudusSimulator.PASSWORD);
    }

    private static String refreshToken(Answer grant) {
        return grant.body().get("refresh_token").asText();
    }

    @Test
    void throttlesPerAccountWithTheReasonInTheStatusLineAndAnEmptyBody() throws Exception {
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start().seed(3));

        Answer first = plain.get(nexudus.baseUrl() + "api/sys/businessbackgroundjobs/1", PlainHttp.NEXUDUS_BASIC);
        // Another URL of the same account: the limits are per account, not per URL.
        Answer second = plain.get(nexudus.baseUrl() + "api/sys/businessbackgroundjobs/2", PlainHttp.NEXUDUS_BASIC);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.retryAfter()).isEqualTo("1");
        assertThat(second.reason()).isEqualTo("You must wait before accessing this url again.");
        assertThat(second.text()).isEmpty();
    }

    @Test
    void enforcesTheHourWindowOnAClockTheTestMoves() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start().seed(1).clock(now::get));
        String job = nexudus.baseUrl() + "api/sys/businessbackgroundjobs/1";
        // One request every 0.6 s keeps under 1 per 100 ms and 120 per minute, and spends 5,000 in 50 minutes.
        for (int i = 0; i < 5_000; i++) {
            assertThat(plain.get(job, PlainHttp.NEXUDUS_BASIC).status())
                    .as("request %d", i)
                    .isEqualTo(200);
            now.set(now.get().plusMillis(600));
        }

        Answer overHour = plain.get(job, PlainHttp.NEXUDUS_BASIC);
        now.set(now.get().plus(Duration.ofMinutes(10)));
        Answer nextHour = plain.get(job, PlainHttp.NEXUDUS_BASIC);

        assertThat(overHour.status()).isEqualTo(409);
        // The first request leaves the (server's, 10%-graced) hour window about 54 - 50 = 4 minutes later.
        assertThat(Long.parseLong(overHour.retryAfter())).isBetween(200L, 300L);
        assertThat(nextHour.status()).isEqualTo(200);
    }

    @Test
    void refusesARefreshWithoutTheClientIdHeader() throws Exception {
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start().withoutRateLimits());
        Answer grant = passwordGrant(nexudus, null);

        // Our first reading: client_id as a form field, and only when one was configured.
        Answer asFormField = token(
                nexudus,
                null,
                "grant_type",
                "refresh_token",
                "refresh_token",
                refreshToken(grant),
                "client_id",
                NexudusSimulator.USERNAME);
        Answer withHeader = token(
                nexudus,
                NexudusSimulator.USERNAME,
                "grant_type",
                "refresh_token",
                "refresh_token",
                refreshToken(grant));

        assertThat(asFormField.status()).isEqualTo(400);
        assertThat(asFormField.body().get("error").asText()).isEqualTo("invalid_client");
        assertThat(withHeader.status()).isEqualTo(200);
        assertThat(nexudus.tokenRequests())
                .extracting(NexudusSimulator.TokenRequest::clientIdHeader)
                .containsExactly(null, null, NexudusSimulator.USERNAME);
    }

    @Test
    void refusesARefreshWhoseClientIdIsNotTheOneTheTokenWasCreatedFor() throws Exception {
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start().withoutRateLimits());
        Answer grant = passwordGrant(nexudus, "cid-7");

        Answer byEmail = token(
                nexudus,
                NexudusSimulator.USERNAME,
                "grant_type",
                "refresh_token",
                "refresh_token",
                refreshToken(grant));
        Answer byClient = token(nexudus, "cid-7", "grant_type", "refresh_token", "refresh_token", refreshToken(grant));

        assertThat(byEmail.status()).isEqualTo(400);
        assertThat(byClient.status()).isEqualTo(200);
    }

    @Test
    void aRefreshInvalidatesTheClientsEarlierRefreshTokens() throws Exception {
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start().withoutRateLimits());
        String first = refreshToken(passwordGrant(nexudus, "cid-7"));
        String second = refreshToken(passwordGrant(nexudus, "cid-7"));
        String other = refreshToken(passwordGrant(nexudus, "cid-8"));

        Answer refreshed = token(nexudus, "cid-7", "grant_type", "refresh_token", "refresh_token", second);
        Answer raced = token(nexudus, "cid-7", "grant_type", "refresh_token", "refresh_token", first);
        Answer otherClient = token(nexudus, "cid-8", "grant_type", "refresh_token", "refresh_token", other);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(raced.status()).isEqualTo(400);
        assertThat(raced.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(otherClient.status()).isEqualTo(200);
    }

    @Test
    void aTwoFactorCodeIsAcceptedOnce() throws Exception {
        NexudusSimulator nexudus =
                plain.track(NexudusSimulator.start().withoutRateLimits().requireTotp());

        Answer without = passwordGrant(nexudus, null);
        Answer first = token(
                nexudus,
                null,
                "grant_type",
                "password",
                "username",
                NexudusSimulator.USERNAME,
                "password",
                NexudusSimulator.PASSWORD,
                "totp",
                "123456");
        Answer replayed = token(
                nexudus,
                null,
                "grant_type",
                "password",
                "username",
                NexudusSimulator.USERNAME,
                "password",
                NexudusSimulator.PASSWORD,
                "totp",
                "123456");

        assertThat(without.status()).isEqualTo(400);
        assertThat(first.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anEmptyPageStillAnnouncesTheNextAndLosesNoRecord() throws Exception {
        NexudusSimulator nexudus = plain.track(
                NexudusSimulator.start().seed(25).withoutRateLimits().emptyPage(2));
        List<Long> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            Answer page = plain.get(
                    nexudus.baseUrl() + "api/sys/businessbackgroundjobs?size=10&page=" + n, PlainHttp.NEXUDUS_BASIC);
            sizes.add(page.body().get("Records").size());
            page.body()
                    .get("Records")
                    .forEach(record -> ids.add(record.get("Id").asLong()));
            assertThat(page.body().get("HasNextPage").asBoolean()).isEqualTo(n < 4);
            assertThat(page.body().get("TotalPages").asInt()).isEqualTo(4);
        }

        assertThat(sizes).containsExactly(10, 0, 10, 5);
        assertThat(ids)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    void filtersOnCreatedOnByEqualityToTheMinute() throws Exception {
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start().seed(10).withoutRateLimits());
        // Job 3 was created at 2025-01-01T00:21 (seed: 7 minutes apart).
        Answer page = plain.get(
                nexudus.baseUrl() + "api/sys/businessbackgroundjobs?BusinessBackgroundJob_CreatedOn=2025-01-01T00:21",
                PlainHttp.NEXUDUS_BASIC);

        assertThat(page.body().get("TotalItems").asInt()).isEqualTo(1);
        assertThat(page.body().get("Records").get(0).get("Id").asLong()).isEqualTo(3);
        assertThat(page.body().get("PageNumber").asInt()).isEqualTo(1);
    }

    @Test
    void refusesDateFiltersOtherThanToTheMinuteAndOrdersByUpdatedOnAsDocumented() throws Exception {
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start().seed(10).withoutRateLimits());
        String listing = nexudus.baseUrl() + "api/sys/businessbackgroundjobs?";
        for (String refused : List.of(
                "from_BusinessBackgroundJob_UpdatedOn=2025-01-01T00:21:00",
                "from_BusinessBackgroundJob_UpdatedOn=2025-01-01",
                "to_BusinessBackgroundJob_UpdatedOn=2025-01-01T00:21Z",
                "orderBy=UpdatedOn&dir=2",
                "orderBy=NoSuchProperty")) {
            assertThat(plain.get(listing + refused, PlainHttp.NEXUDUS_BASIC).status())
                    .as(refused)
                    .isEqualTo(400);
        }

        // Seeded job i is updated at 2025-01-01T00:00 + 7i + (i % 60) minutes: jobs 3.. are updated from 00:24 on.
        Answer page = plain.get(
                listing + "from_BusinessBackgroundJob_UpdatedOn=2025-01-01T00:24&orderBy=UpdatedOn&dir=1",
                PlainHttp.NEXUDUS_BASIC);
        List<String> updated = new ArrayList<>();
        page.body()
                .get("Records")
                .forEach(record -> updated.add(record.get("UpdatedOn").asText()));
        assertThat(updated).hasSize(8).isSorted().first().isEqualTo("2025-01-01T00:24:00Z");
    }

    @Test
    void aChangedJobShowsItsStatusAndUpdatedOnOnceTheSimulatorsClockReachesIt() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-01T10:00:00Z"));
        NexudusSimulator nexudus =
                plain.track(NexudusSimulator.start().seed(1).withoutRateLimits().clock(now::get));
        nexudus.changeJob(
                1, "Completed", Instant.parse("2025-06-01T10:00:59.900Z"), Instant.parse("2025-06-01T10:01:10Z"));
        String job = nexudus.baseUrl() + "api/sys/businessbackgroundjobs/1";

        now.set(Instant.parse("2025-06-01T10:01:05Z"));
        String before =
                plain.get(job, PlainHttp.NEXUDUS_BASIC).body().get("UpdatedOn").asText();
        now.set(Instant.parse("2025-06-01T10:01:10Z"));
        Answer after = plain.get(job, PlainHttp.NEXUDUS_BASIC);

        assertThat(before).isNotEqualTo("2025-06-01T10:00:59.900Z");
        assertThat(after.body().get("Status").asText()).isEqualTo("Completed");
        assertThat(after.body().get("UpdatedOn").asText()).isEqualTo("2025-06-01T10:00:59.900Z");
    }

    @Test
    void addJobAddsAJobThatSeedDidNotMakeAndScriptsOneItDid() throws Exception {
        NexudusSimulator nexudus = plain.track(NexudusSimulator.start()
                .seed(20)
                .withoutRateLimits()
                .addJob(42, "Running", "Completed")
                .addJob(3, "Queued", "Failed"));
        String jobs = nexudus.baseUrl() + "api/sys/businessbackgroundjobs";

        Answer first = plain.get(jobs + "/42", PlainHttp.NEXUDUS_BASIC);
        Answer second = plain.get(jobs + "/42", PlainHttp.NEXUDUS_BASIC);
        Answer listing = plain.get(jobs + "?size=100", PlainHttp.NEXUDUS_BASIC);
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            seeded.add(plain.get(jobs + "/3", PlainHttp.NEXUDUS_BASIC)
                    .body()
                    .get("Status")
                    .asText());
        }

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("Id").asLong()).isEqualTo(42);
        assertThat(first.body().get("Status").asText()).isEqualTo("Running");
        assertThat(first.body().get("Description").asText()).isNotBlank();
        assertThat(first.body().get("CreatedOn").asText()).isNotBlank();
        assertThat(second.body().get("Status").asText()).isEqualTo("Completed");
        assertThat(listing.body().get("TotalItems").asInt()).isEqualTo(21);
        assertThat(listing.body().get("Records").get(20).get("Id").asLong()).isEqualTo(42);
        assertThat(seeded).containsExactly("Queued", "Failed");
    }

    @Test
    void anAddedJobIsCreatedNowAndAChangeEndsItsScript() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T09:30:40Z"));
        NexudusSimulator nexudus =
                plain.track(NexudusSimulator.start().withoutRateLimits().clock(now::get));
        nexudus.addJob(1004, "Running").changeJob(1004, "Completed", Instant.parse("2026-03-01T09:32:00Z"));
        String job = nexudus.baseUrl() + "api/sys/businessbackgroundjobs/1004";

        Answer running = plain.get(job, PlainHttp.NEXUDUS_BASIC);
        now.set(Instant.parse("2026-03-01T09:32:00Z"));
        Answer completed = plain.get(job, PlainHttp.NEXUDUS_BASIC);

        assertThat(running.body().get("Status").asText()).isEqualTo("Running");
        assertThat(running.body().get("CreatedOn").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(running.body().get("UpdatedOn").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(completed.body().get("Status").asText()).isEqualTo("Completed");
        assertThat(completed.body().get("UpdatedOn").asText()).isEqualTo("2026-03-01T09:32:00Z");
    }
}
