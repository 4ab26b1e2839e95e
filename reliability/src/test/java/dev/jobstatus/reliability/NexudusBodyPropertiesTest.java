package dev.jobstatus.reliability;

import static dev.jobstatus.reliability.HostileJson.w;
import static dev.jobstatus.reliability.HostileJson.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.reliability.HostileJson.Field;
import dev.jobstatus.reliability.JsonDoc.Member;
import dev.jobstatus.reliability.JsonDoc.Obj;
import dev.jobstatus.reliability.JsonDoc.Str;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every body the Nexudus client reads, generated from Nexudus's documented shapes and mutated, served over loopback
 * HTTP to the real client: a job, a listing page, an error (4xx and 5xx), a token answer. Each try ends in a value or
 * one of the SDK's exceptions, and no message shows a secret or a raw control character ({@link ReaderStage}).
 */
class NexudusBodyPropertiesTest extends BodyProperties<NexudusClient> {
    static final String TOKEN = "nexudus-BEARER-SECRET-4f1c";
    static final String PASSWORD = "nexudus-PASSWORD-SECRET-9d2e";
    static final String ACCESS = "nexudus-ACCESS-SECRET-77aa";
    static final String REFRESH = "nexudus-REFRESH-SECRET-31bb";
    /** What the bearer-token client holds. */
    static final List<String> SECRETS = List.of(TOKEN);
    /** What the password-grant client holds, and the tokens its token endpoint answers. */
    static final List<String> TOKEN_SECRETS = List.of(PASSWORD, ACCESS, REFRESH);

    static final String JOB = "{\"Id\":1,\"Status\":\"Completed\",\"Description\":\"Import\"}";

    private final HostileJson gen = new HostileJson(SECRETS);
    private final HostileJson tokenGen = new HostileJson(TOKEN_SECRETS);

    @Override
    ReaderStage newStage() {
        return new ReaderStage("nexudus", "/api/token");
    }

    @Override
    NexudusClient newClient(ReaderStage stage) {
        return stage.configure(NexudusClient.builder(), "/").bearerToken(TOKEN).build();
    }

    @Property(tries = 1000)
    void getJob(@ForAll("jobs") Served served) {
        readsValues("nexudus get job", served, () -> client.backgroundJobs().get(1), SECRETS);
    }

    @Property(tries = 1000)
    void listPage(@ForAll("pages") Served served) {
        readsValues("nexudus list page", served, () -> client.backgroundJobs().list(BackgroundJobQuery.all()), SECRETS);
    }

    /** Issue 29, item 11: a 200 listing without its {@code Records} is not an empty page. */
    @Property(tries = 300)
    void aListingWithoutRecordsIsNotAnEmptyPage(@ForAll("pagesWithoutRecords") Served served) {
        Object page = readsListingWithoutItems(
                "nexudus listing without Records",
                served,
                () -> client.backgroundJobs().list(BackgroundJobQuery.all()),
                SECRETS);
        assertThat(page).as("the page read from a listing without Records").isNull();
    }

    @Property(tries = 1000)
    void errorBody(@ForAll("errors") Served served) {
        readsErrors("nexudus error body", served, () -> client.backgroundJobs().get(1), SECRETS);
    }

    @Property(tries = 1000)
    void tokenAnswer(@ForAll("tokens") Served served) {
        readsTokens(
                "nexudus token answer",
                served,
                JOB,
                () -> {
                    try (NexudusClient signedIn = stage.configure(NexudusClient.builder(), "/")
                            .passwordGrant("admin@example.com", PASSWORD)
                            .build()) {
                        return signedIn.backgroundJobs().get(1);
                    }
                },
                TOKEN_SECRETS);
    }

    @Provide
    Arbitrary<Served> jobs() {
        return Served.of(Served.successes(), HostileJson.body(gen.object(job(true))), SECRETS);
    }

    @Provide
    Arbitrary<Served> pages() {
        return Served.of(Served.successes(), HostileJson.body(gen.object(page(true))), SECRETS);
    }

    @Provide
    Arbitrary<Served> pagesWithoutRecords() {
        Arbitrary<JsonDoc> others = Arbitraries.<JsonDoc>of(
                new Obj(List.of()),
                new Obj(List.of(new Member("records", new JsonDoc.Arr(List.of())))),
                new Obj(List.of(new Member("Message", new Str("An error has occurred.", false)))));
        Arbitrary<JsonDoc> body = Combinators.combine(gen.object(page(false)), others)
                .as((page, extra) -> {
                    List<Member> members = new ArrayList<>(((Obj) page).members());
                    members.removeIf(m -> m.name().equals("Records"));
                    members.addAll(((Obj) extra).members());
                    return new Obj(members);
                });
        return Served.of(Arbitraries.just(200), body.map(JsonDoc::text), SECRETS);
    }

    @Provide
    Arbitrary<Served> errors() {
        Arbitrary<JsonDoc> envelope = gen.object(List.of(
                gen.string("Message", "An error has occurred.", "The request is invalid."),
                HostileJson.array(
                        "Errors",
                        gen.object(List.of(
                                gen.string("PropertyName", "Name", "Email"),
                                gen.string("Message", "is required", "is too long"),
                                gen.free("AttemptedValue")))),
                HostileJson.number("Status")));
        Arbitrary<JsonDoc> oauth = gen.object(List.of(
                gen.string("error", "invalid_grant", "invalid_request", "unsupported_grant_type"),
                gen.string("error_description", "The user name or password is incorrect.")));
        Arbitrary<JsonDoc> bare = gen.hostileString();
        return Served.of(Served.errors(), HostileJson.body(weighted(w(5, envelope), w(2, oauth), w(2, bare))), SECRETS);
    }

    @Provide
    Arbitrary<Served> tokens() {
        Arbitrary<JsonDoc> answer = tokenGen.object(List.of(
                tokenGen.string("access_token", ACCESS),
                tokenGen.string("token_type", "bearer"),
                new Field(
                        "expires_in",
                        HostileJson.Type.NUMBER,
                        Arbitraries.of("604799", "3600", "0").map(JsonDoc.Num::new)),
                tokenGen.string("refresh_token", REFRESH),
                tokenGen.string("userName", "admin@example.com"),
                tokenGen.string(".issued", "Mon, 13 Jan 2025 10:00:00 GMT"),
                tokenGen.string(".expires", "Mon, 20 Jan 2025 10:00:00 GMT")));
        Arbitrary<JsonDoc> refused = tokenGen.object(List.of(
                tokenGen.string("error", "invalid_grant", "unsupported_grant_type"),
                tokenGen.string("error_description", "The user name or password is incorrect.")));
        Arbitrary<String> bodies = weighted(
                w(6, HostileJson.body(answer)), w(2, answer.map(HostileJson::form)), w(2, HostileJson.body(refused)));
        return Served.of(weighted(w(7, Arbitraries.just(200)), w(3, Served.errors())), bodies, TOKEN_SECRETS);
    }

    /** A job's fields, as the get endpoint returns them ({@code ResultData} too) or the listing ({@code withResult} false). */
    private List<Field> job(boolean withResult) {
        List<Field> fields = new ArrayList<>(List.of(
                HostileJson.number("BusinessId"),
                gen.string("BusinessName", "Main office"),
                HostileJson.number("UserId"),
                gen.string("UserFullName", "Ada Lovelace"),
                gen.string("UserEmail", "ada@example.com"),
                gen.string("JobId", "5d9b7c1e-2f4a-4c8e-9f1a-3b2c1d0e9f8a"),
                gen.string("Description", "Bulk edit of 12 coworkers"),
                gen.string("Files", "import.csv"),
                gen.string(
                        "Status", "Completed", "Running", "Failed", "Pending", "Queued", "Cancelled", "SOMETHING_NEW"),
                HostileJson.number("Id"),
                gen.string("UniqueId", "c0a80101-0000-0000-0000-000000000001"),
                gen.timestamp("CreatedOn"),
                gen.timestamp("UpdatedOn"),
                gen.string("UpdatedBy", "ada@example.com"),
                HostileJson.bool("IsNew"),
                gen.string("SystemId"),
                gen.string("ToStringText", "Import"),
                gen.free("LocalizationDetails"),
                gen.free("CustomFields")));
        if (withResult) {
            fields.add(gen.string("ResultData", "{\"imported\":12}"));
        }
        return fields;
    }

    /** A listing page's envelope, with or without its {@code Records}. */
    private List<Field> page(boolean withRecords) {
        List<Field> fields = new ArrayList<>(List.of(
                HostileJson.number("CurrentPage"),
                HostileJson.number("CurrentPageSize"),
                gen.string("CurrentOrderField", "Id"),
                HostileJson.number("CurrentSortDirection"),
                HostileJson.number("FirstItem"),
                HostileJson.number("LastItem"),
                HostileJson.number("TotalItems"),
                HostileJson.number("TotalPages"),
                HostileJson.bool("HasNextPage"),
                HostileJson.bool("HasPreviousPage"),
                HostileJson.number("PageNumber"),
                HostileJson.number("PageSize")));
        if (withRecords) {
            fields.add(0, HostileJson.array("Records", gen.object(job(false))));
        }
        return fields;
    }
}
