package dev.jobstatus.reliability;

import static dev.jobstatus.reliability.HostileJson.w;
import static dev.jobstatus.reliability.HostileJson.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.reliability.HostileJson.Field;
import dev.jobstatus.reliability.JsonDoc.Member;
import dev.jobstatus.reliability.JsonDoc.Obj;
import dev.jobstatus.wix.AsyncJobItemsQuery;
import dev.jobstatus.wix.WixClient;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every body the Wix client reads, generated from Wix's documented shapes (with the legacy {@code counters} and
 * {@code owner}, both spellings) and mutated, served over loopback HTTP to the real client: a job, an items page, an
 * error, an OAuth token answer. See {@link ReaderStage} for what each try must end in.
 */
class WixBodyPropertiesTest extends BodyProperties<WixClient> {
    static final String API_KEY = "wix-API-KEY-SECRET-5e0d";
    static final String CLIENT_SECRET = "wix-CLIENT-SECRET-8c3b";
    static final String ACCESS = "wix-ACCESS-SECRET-19fe";
    /** What the API-key client holds. */
    static final List<String> SECRETS = List.of(API_KEY);
    /** What the OAuth client holds, and the token its token endpoint answers. */
    static final List<String> TOKEN_SECRETS = List.of(CLIENT_SECRET, ACCESS);

    static final String JOB = "{\"job\":{\"id\":\"1\",\"status\":\"FINISHED\"}}";

    private final HostileJson gen = new HostileJson(SECRETS);
    private final HostileJson tokenGen = new HostileJson(TOKEN_SECRETS);

    @Override
    ReaderStage newStage() {
        return new ReaderStage("wix", "/oauth2/token");
    }

    @Override
    WixClient newClient(ReaderStage stage) {
        return stage.configure(WixClient.builder(), "/")
                .apiKey(API_KEY)
                .siteId("site-1")
                .build();
    }

    @Property(tries = 1000)
    void getJob(@ForAll("jobs") Served served) {
        readsValues("wix get job", served, () -> client.asyncJobs().get("1"), SECRETS);
    }

    @Property(tries = 1000)
    void listItems(@ForAll("items") Served served) {
        readsValues(
                "wix items page", served, () -> client.asyncJobs().listItems("1", AsyncJobItemsQuery.all()), SECRETS);
    }

    /** Issue 29, item 11: a 200 items answer without its {@code results} is not an empty page. */
    @Property(tries = 300)
    void itemsWithoutResultsAreNotAnEmptyPage(@ForAll("itemsWithoutResults") Served served) {
        Object page = readsListingWithoutItems(
                "wix items without results",
                served,
                () -> client.asyncJobs().listItems("1", AsyncJobItemsQuery.all()),
                SECRETS);
        assertThat(page)
                .as("the page read from an items answer without results")
                .isNull();
    }

    @Property(tries = 1000)
    void errorBody(@ForAll("errors") Served served) {
        readsErrors("wix error body", served, () -> client.asyncJobs().get("1"), SECRETS);
    }

    @Property(tries = 1000)
    void tokenAnswer(@ForAll("tokens") Served served) {
        readsTokens(
                "wix token answer",
                served,
                JOB,
                () -> {
                    try (WixClient signedIn = stage.configure(WixClient.builder(), "/")
                            .oauth("app-1", CLIENT_SECRET, "inst-1")
                            .build()) {
                        return signedIn.asyncJobs().get("1");
                    }
                },
                TOKEN_SECRETS);
    }

    @Provide
    Arbitrary<Served> jobs() {
        return Served.of(Served.successes(), HostileJson.body(gen.object(List.of(gen.object("job", job())))), SECRETS);
    }

    @Provide
    Arbitrary<Served> items() {
        return Served.of(Served.successes(), HostileJson.body(gen.object(itemsPage(true))), SECRETS);
    }

    @Provide
    Arbitrary<Served> itemsWithoutResults() {
        Arbitrary<JsonDoc> body = Combinators.combine(gen.object(itemsPage(false)), Arbitraries.of(true, false))
                .as((page, misspelled) -> {
                    List<Member> members = new ArrayList<>(((Obj) page).members());
                    members.removeIf(m -> m.name().equals("results"));
                    if (misspelled) {
                        members.add(new Member("Results", new JsonDoc.Arr(List.of())));
                    }
                    return new Obj(members);
                });
        return Served.of(Arbitraries.just(200), body.map(JsonDoc::text), SECRETS);
    }

    @Provide
    Arbitrary<Served> errors() {
        Arbitrary<JsonDoc> envelope = gen.object(List.of(
                gen.string("message", "Unauthorized", "Job not found"),
                gen.object(
                        "details",
                        List.of(
                                gen.object(
                                        "applicationError",
                                        List.of(
                                                gen.string("code", "NOT_FOUND", "UNAUTHORIZED"),
                                                gen.string("description", "No job with this id"),
                                                gen.free("data"))),
                                gen.object(
                                        "validationError",
                                        List.of(HostileJson.array(
                                                "fieldViolations",
                                                gen.object(List.of(
                                                        gen.string("field", "jobId"),
                                                        gen.string("description", "must be a GUID"),
                                                        gen.string("violatedRule", "FORMAT"),
                                                        gen.string("ruleName", "GUID"),
                                                        gen.free("data"))))))))));
        return Served.of(
                Served.errors(), HostileJson.body(weighted(w(8, envelope), w(1, gen.hostileString()))), SECRETS);
    }

    @Provide
    Arbitrary<Served> tokens() {
        Arbitrary<JsonDoc> answer = tokenGen.object(List.of(
                tokenGen.string("access_token", ACCESS),
                tokenGen.string("token_type", "Bearer"),
                new Field(
                        "expires_in",
                        HostileJson.Type.NUMBER,
                        Arbitraries.of("14400", "3600", "0").map(JsonDoc.Num::new))));
        Arbitrary<JsonDoc> refused = tokenGen.object(List.of(
                tokenGen.string("message", "invalid client credentials"),
                tokenGen.object(
                        "details",
                        List.of(tokenGen.object(
                                "applicationError",
                                List.of(
                                        tokenGen.string("code", "INVALID_CLIENT", "UNAUTHORIZED"),
                                        tokenGen.string("description", "bad secret")))))));
        Arbitrary<String> bodies = weighted(
                w(6, HostileJson.body(answer)), w(2, answer.map(HostileJson::form)), w(2, HostileJson.body(refused)));
        return Served.of(weighted(w(7, Arbitraries.just(200)), w(3, Served.errors())), bodies, TOKEN_SECRETS);
    }

    /** An async job's fields: the documented ones, and the legacy {@code owner} and {@code counters}. */
    private List<Field> job() {
        List<Field> creator = List.of(
                gen.string(
                        "type",
                        "APP_ID",
                        "MEMBER_ID",
                        "WIX_USER_ID",
                        "ANONYMOUS_VISITOR_ID",
                        "SERVICE_ID",
                        "UNKNOWN_TYPE",
                        "ROBOT"),
                gen.object("appIdOptions", List.of(gen.string("appId", "app-7"))),
                gen.string("appId", "app-7"),
                gen.string("memberId", "m-1"),
                gen.object("memberIdOptions", List.of(gen.string("memberId", "m-1"))),
                gen.string("service_id", "svc"),
                gen.object("wix_user_id_options", List.of(gen.string("wix_user_id", "u"))));
        List<Field> byCode = List.of(HostileJson.number("NOT_FOUND"), HostileJson.number("E1"));
        return List.of(
                gen.string("id", "1", "a8f1c2d3-0000-4000-8000-000000000001"),
                gen.object("metadata", List.of(gen.string("source", "import"), HostileJson.number("n"))),
                gen.string("status", "INITIALIZED", "PROCESSING", "FINISHED", "FAILED", "UNKNOWN", "PAUSED"),
                gen.timestamp("createdDate"),
                gen.timestamp("updatedDate"),
                gen.timestamp("created_date"),
                gen.object("createdBy", creator),
                gen.object("owner", creator),
                gen.object(
                        "counts",
                        List.of(
                                HostileJson.number("total"),
                                HostileJson.number("successCount"),
                                HostileJson.number("failCount"),
                                gen.object("errorByCodeCount", byCode))),
                gen.object(
                        "counters",
                        List.of(
                                HostileJson.number("itemsToProcess"),
                                HostileJson.number("itemsSucceeded"),
                                HostileJson.number("items_failed"),
                                gen.object("errorCountByCode", byCode))));
    }

    /** An items answer, with or without its {@code results}. */
    private List<Field> itemsPage(boolean withResults) {
        List<Field> item = List.of(
                gen.string("id", "item-1"),
                gen.string("entityId", "e-1"),
                HostileJson.bool("success"),
                gen.object("data", List.of(gen.string("name", "x"), HostileJson.number("n"))),
                gen.object(
                        "error",
                        List.of(
                                gen.string("code", "NOT_FOUND"),
                                gen.string("description", "gone"),
                                gen.object("data", List.of(gen.string("x"))))));
        List<Field> fields = new ArrayList<>(List.of(gen.object(
                "pagingMetadata",
                List.of(
                        HostileJson.number("count"),
                        gen.object("cursors", List.of(gen.string("next", "c2", ""), gen.string("prev", "c0"))),
                        HostileJson.bool("hasNext")))));
        if (withResults) {
            fields.add(0, HostileJson.array("results", gen.object(item)));
        }
        return fields;
    }
}
