package dev.jobstatus.reliability;

import static dev.jobstatus.reliability.HostileJson.w;
import static dev.jobstatus.reliability.HostileJson.weighted;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.reliability.HostileJson.Field;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every body the Asana client reads, generated from Asana's documented shapes and mutated, served over loopback HTTP
 * to the real client: a job, an error, an OAuth token answer. See {@link ReaderStage} for what each try must end in.
 */
class AsanaBodyPropertiesTest extends BodyProperties<AsanaClient> {
    static final String TOKEN = "2/1200/asana-PAT-SECRET-0b7d";
    static final String CLIENT_SECRET = "asana-CLIENT-SECRET-6a2f";
    static final String REFRESH = "asana-REFRESH-SECRET-d41c";
    static final String ACCESS = "asana-ACCESS-SECRET-90e3";
    static final String NEW_REFRESH = "asana-NEW-REFRESH-SECRET-5c88";
    /** What the personal-access-token client holds. */
    static final List<String> SECRETS = List.of(TOKEN);
    /** What the OAuth client holds, and the tokens its token endpoint answers. */
    static final List<String> TOKEN_SECRETS = List.of(CLIENT_SECRET, REFRESH, ACCESS, NEW_REFRESH);

    static final String JOB = "{\"data\":{\"gid\":\"1\",\"status\":\"succeeded\"}}";

    private final HostileJson gen = new HostileJson(SECRETS);
    private final HostileJson tokenGen = new HostileJson(TOKEN_SECRETS);

    @Override
    ReaderStage newStage() {
        return new ReaderStage("asana", "/-/oauth_token");
    }

    @Override
    AsanaClient newClient(ReaderStage stage) {
        return stage.configure(AsanaClient.builder(), "/api/1.0")
                .bearerToken(TOKEN)
                .build();
    }

    @Property(tries = 1000)
    void getJob(@ForAll("jobs") Served served) {
        readsValues("asana get job", served, () -> client.jobs().get("1"), SECRETS);
    }

    @Property(tries = 1000)
    void errorBody(@ForAll("errors") Served served) {
        readsErrors("asana error body", served, () -> client.jobs().get("1"), SECRETS);
    }

    @Property(tries = 1000)
    void tokenAnswer(@ForAll("tokens") Served served) {
        readsTokens(
                "asana token answer",
                served,
                JOB,
                () -> {
                    try (AsanaClient signedIn = stage.configure(AsanaClient.builder(), "/api/1.0")
                            .oauthRefresh("client-1", CLIENT_SECRET, REFRESH)
                            .build()) {
                        return signedIn.jobs().get("1");
                    }
                },
                TOKEN_SECRETS);
    }

    @Provide
    Arbitrary<Served> jobs() {
        return Served.of(Served.successes(), HostileJson.body(gen.object(List.of(gen.object("data", job())))), SECRETS);
    }

    @Provide
    Arbitrary<Served> errors() {
        Arbitrary<JsonDoc> envelope = gen.object(List.of(HostileJson.array(
                "errors",
                gen.object(List.of(
                        gen.string("message", "Not Authorized", "job: Not a valid gid"),
                        gen.string("help", "For more information on API status codes"),
                        gen.string("phrase", "6 sad squid snuggle softly"))))));
        return Served.of(
                Served.errors(), HostileJson.body(weighted(w(8, envelope), w(1, gen.hostileString()))), SECRETS);
    }

    @Provide
    Arbitrary<Served> tokens() {
        Arbitrary<JsonDoc> answer = tokenGen.object(List.of(
                tokenGen.string("access_token", ACCESS),
                tokenGen.string("token_type", "bearer"),
                new Field(
                        "expires_in",
                        HostileJson.Type.NUMBER,
                        Arbitraries.of("3600", "60", "0").map(JsonDoc.Num::new)),
                tokenGen.string("refresh_token", NEW_REFRESH),
                tokenGen.object(
                        "data",
                        List.of(
                                HostileJson.number("id"),
                                tokenGen.string("gid", "1200"),
                                tokenGen.string("name", "Greg"),
                                tokenGen.string("email", "greg@example.com")))));
        Arbitrary<JsonDoc> refused = tokenGen.object(List.of(
                tokenGen.string("error", "invalid_grant", "invalid_client"),
                tokenGen.string("error_description", "The refresh token is invalid.")));
        Arbitrary<String> bodies = weighted(
                w(6, HostileJson.body(answer)), w(2, answer.map(HostileJson::form)), w(2, HostileJson.body(refused)));
        return Served.of(weighted(w(7, Arbitraries.just(200)), w(3, Served.errors())), bodies, TOKEN_SECRETS);
    }

    /** A job's fields, every one Asana documents. */
    private List<Field> job() {
        List<Field> compact = List.of(
                gen.string("gid", "12345"), gen.string("resource_type", "project"), gen.string("name", "New Project"));
        List<Field> export = List.of(
                gen.string("gid", "9"),
                gen.string("resource_type", "graph_export"),
                gen.timestamp("created_at"),
                gen.timestamp("completed_at"),
                gen.string("download_url", "https://example.com/export.csv"));
        return List.of(
                gen.string("gid", "12345"),
                gen.string("resource_type", "job"),
                gen.string("resource_subtype", "duplicate_project", "export_graph"),
                gen.string("status", "not_started", "in_progress", "succeeded", "failed", "SUCCEEDED", "paused"),
                gen.object("new_project", compact),
                gen.object(
                        "new_task",
                        List.of(
                                gen.string("gid", "1"),
                                gen.string("resource_type", "task"),
                                gen.string("name", "Task"),
                                gen.string("resource_subtype", "default_task"),
                                gen.object(
                                        "created_by",
                                        List.of(gen.string("gid", "7"), gen.string("resource_type", "user"))))),
                gen.object("new_project_template", compact),
                gen.object("new_task_template", compact),
                gen.object("new_portfolio", compact),
                gen.object("new_graph_export", export),
                gen.object("new_resource_export", export));
    }
}
