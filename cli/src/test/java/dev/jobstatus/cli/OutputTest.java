package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What records look like: tables in words a person reads, JSON lines with each field once and only those asked for. */
class OutputTest {
    private static final Map<String, String> WIX =
            Map.of("WIX_API_KEY", WixSimulator.API_KEY, "WIX_SITE_ID", WixSimulator.SITE_ID);
    private static final Map<String, String> ASANA = Map.of("ASANA_TOKEN", AsanaSimulator.TOKEN);

    private static JobstatusCliTest.Run run(Map<String, String> env, String... args) {
        return JobstatusCliTest.run(env, args);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void wixItemsAsJsonAreTheItemsAsWixSentThemWithEachFieldOnce() {
        try (WixSimulator wix =
                WixSimulator.start().addJob("w", 40, 3).items("w", 3).withoutRateLimits()) {
            JobstatusCliTest.Run items = run(
                    WIX,
                    "wix",
                    "items",
                    "w",
                    "--output",
                    "json",
                    "--base-url",
                    wix.baseUrl().toString());

            assertThat(items.exit()).isZero();
            assertThat(items.jsonLines()).hasSize(3).allSatisfy(item -> {
                assertThat(item.has("fields")).as(item.toString()).isFalse();
                assertThat(item.get("id").asText()).startsWith("item-");
                assertThat(item.get("entityId").asText()).startsWith("entity-");
            });
        }
    }

    @Test
    void asanaJsonShowsOnlyTheFieldsAskedForNestedOnesIncludedAndNullForOneAskedForButAbsent() {
        try (AsanaSimulator asana =
                AsanaSimulator.start().addJob("100", "succeeded").withoutRateLimits()) {
            String base = asana.baseUrl().toString();
            JobstatusCliTest.Run asked = run(
                    ASANA,
                    "asana",
                    "get",
                    "100",
                    "--fields",
                    "new_project.name,new_portfolio",
                    "-o",
                    "json",
                    "--base-url",
                    base);
            JobstatusCliTest.Run waited =
                    run(ASANA, "asana", "wait", "100", "--fields", "new_task.name", "--json", "--base-url", base);
            JobstatusCliTest.Run all = run(ASANA, "asana", "get", "100", "--json", "--base-url", base);

            assertThat(asked.jsonLines()).singleElement().satisfies(job -> {
                assertThat(names(job)).containsExactlyInAnyOrder("gid", "status", "new_project", "new_portfolio");
                assertThat(job.get("new_project").get("name").asText()).isEqualTo("Copy of Launch plan");
                assertThat(names(job.get("new_project"))).containsExactlyInAnyOrder("gid", "name");
                assertThat(job.get("new_portfolio").isNull()).isTrue();
            });
            assertThat(waited.jsonLines()).singleElement().satisfies(job -> {
                assertThat(names(job)).containsExactlyInAnyOrder("gid", "status", "new_task");
                assertThat(names(job.get("new_task"))).containsExactlyInAnyOrder("gid", "name");
            });
            assertThat(all.jsonLines())
                    .singleElement()
                    .satisfies(job -> assertThat(names(job))
                            .contains("gid", "resource_type", "status", "new_project", "new_task", "new_portfolio"));
        }
    }

    @Test
    void tablesShowWordsNotJavaToStringAndNoEmptyRows() {
        try (WixSimulator wix = WixSimulator.start().addJob("w", 40, 3).withoutRateLimits();
                NexudusSimulator nexudus =
                        NexudusSimulator.start().seed(3).withoutRateLimits().acceptToken("t");
                AsanaSimulator asana =
                        AsanaSimulator.start().addJob("100", "succeeded").withoutRateLimits()) {
            JobstatusCliTest.Run wixGet =
                    run(WIX, "wix", "get", "w", "--base-url", wix.baseUrl().toString());
            JobstatusCliTest.Run nexudusGet = run(
                    Map.of("NEXUDUS_TOKEN", "t"),
                    "nexudus",
                    "get",
                    "1",
                    "--base-url",
                    nexudus.baseUrl().toString());
            JobstatusCliTest.Run asanaGet = run(
                    ASANA,
                    "asana",
                    "get",
                    "100",
                    "--fields",
                    "new_project.name",
                    "--base-url",
                    asana.baseUrl().toString());

            JobstatusCliTest.Run asanaNoName = run(
                    ASANA,
                    "asana",
                    "get",
                    "100",
                    "--fields",
                    "new_task.created_by",
                    "--base-url",
                    asana.baseUrl().toString());

            assertThat(asanaNoName.out()).containsPattern("(?m)^NewTask +\\d+$");
            assertThat(wixGet.out())
                    .containsPattern("(?m)^CreatedBy +app app-1$")
                    .containsPattern("(?m)^Metadata +source=simulator$")
                    .doesNotContain("App[", "{");
            assertThat(asanaGet.out())
                    .containsPattern("(?m)^NewProject +1001 Copy of Launch plan$")
                    .doesNotContain("NewTask", "GraphExport");
            assertThat(List.of(wixGet, nexudusGet, asanaGet, asanaNoName)).allSatisfy(r -> {
                assertThat(r.exit()).isZero();
                assertThat(r.out().lines())
                        .isNotEmpty()
                        .allSatisfy(line -> assertThat(line).matches("\\S+ {2,}\\S.*"));
            });
        }
    }

    @Test
    void theHumanTextOfMapsAndListsIsKeyEqualsValue() {
        assertThat(Output.human(Map.of("a", 1))).isEqualTo("a=1");
        assertThat(Output.human(new java.util.TreeMap<>(Map.of("a", Map.of("b", "c"), "d", List.of(1, 2)))))
                .isEqualTo("a={b=c}, d=1, 2");
        assertThat(Output.human(List.of())).isEmpty();
        assertThat(Output.human(null)).isEmpty();
        assertThat(Output.words(": ", "INVALID_ROW", null)).isEqualTo("INVALID_ROW");
        assertThat(Output.words(": ", null, "row 9 is invalid")).isEqualTo("row 9 is invalid");
    }
}
