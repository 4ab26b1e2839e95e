package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the command says about the credentials' variables and the providers' answers to them: the variable that is
 * missing or in conflict, and refused credentials told apart from other API errors by their own exit code.
 */
class CredentialsMessagesTest {
    private static JobstatusCliTest.Run run(Map<String, String> env, String... args) {
        return JobstatusCliTest.run(env, args);
    }

    @Test
    void refusedCredentialsExitSixNamingTheProviderAndTheVariablesNotTheTokenRequest() {
        try (NexudusSimulator nexudus = NexudusSimulator.start().seed(3).withoutRateLimits();
                AsanaSimulator asana =
                        AsanaSimulator.start().addJob("1", "succeeded").withoutRateLimits();
                WixSimulator wix = WixSimulator.start().addJob("j", 4, 0).withoutRateLimits()) {
            Map<String, String> wrongPassword =
                    Map.of("NEXUDUS_USERNAME", NexudusSimulator.USERNAME, "NEXUDUS_PASSWORD", "wrong-PASSWORD");
            JobstatusCliTest.Run nexudusGet = run(
                    wrongPassword,
                    "nexudus",
                    "get",
                    "1",
                    "--base-url",
                    nexudus.baseUrl().toString());
            JobstatusCliTest.Run nexudusWaitMany = run(
                    wrongPassword,
                    "nexudus",
                    "wait",
                    "1",
                    "2",
                    "--base-url",
                    nexudus.baseUrl().toString());
            JobstatusCliTest.Run asanaGet = run(
                    Map.of("ASANA_TOKEN", "wrong-TOKEN"),
                    "asana",
                    "get",
                    "1",
                    "--base-url",
                    asana.baseUrl().toString());
            JobstatusCliTest.Run wixGet = run(
                    Map.of("WIX_API_KEY", "wrong-KEY", "WIX_SITE_ID", WixSimulator.SITE_ID),
                    "wix",
                    "get",
                    "j",
                    "--base-url",
                    wix.baseUrl().toString());

            assertThat(nexudusGet.err().strip())
                    .isEqualTo("error: the credentials were refused by nexudus (HTTP 400 invalid_grant): check "
                            + "NEXUDUS_USERNAME and NEXUDUS_PASSWORD");
            assertThat(nexudusWaitMany.err())
                    .contains("error: the credentials were refused by nexudus (HTTP 400 invalid_grant)");
            assertThat(asanaGet.err().strip())
                    .isEqualTo("error: the credentials were refused by asana (HTTP 401): check ASANA_TOKEN");
            assertThat(wixGet.err().strip())
                    .isEqualTo("error: the credentials were refused by wix (HTTP 401 UNAUTHORIZED): check "
                            + "WIX_API_KEY and WIX_SITE_ID");
            assertThat(List.of(nexudusGet, nexudusWaitMany, asanaGet, wixGet)).allSatisfy(r -> {
                assertThat(r.exit()).isEqualTo(JobstatusCli.CREDENTIALS_REFUSED).isEqualTo(6);
                assertThat(r.out() + r.err()).doesNotContain("/api/token", "wrong-");
            });
        }
    }

    @Test
    void aMissingJobStillExitsThreeBesideRefusedCredentials() {
        try (NexudusSimulator nexudus = NexudusSimulator.start().seed(3).withoutRateLimits()) {
            JobstatusCliTest.Run missing = run(
                    Map.of(
                            "NEXUDUS_USERNAME",
                            NexudusSimulator.USERNAME,
                            "NEXUDUS_PASSWORD",
                            NexudusSimulator.PASSWORD),
                    "nexudus",
                    "get",
                    "404",
                    "--base-url",
                    nexudus.baseUrl().toString());

            assertThat(missing.exit()).isEqualTo(JobstatusCli.API_ERROR);
            assertThat(missing.err()).contains("HTTP 404");
        }
    }

    @Test
    void onlyPartOfAPairNamesTheVariableThatIsMissing() {
        assertThat(run(Map.of("NEXUDUS_USERNAME", "me@example.com"), "nexudus", "get", "1")
                        .err()
                        .strip())
                .isEqualTo("error: nexudus credentials incomplete: NEXUDUS_USERNAME is set but NEXUDUS_PASSWORD is "
                        + "not (credentials: NEXUDUS_TOKEN, or NEXUDUS_USERNAME and NEXUDUS_PASSWORD)");
        assertThat(run(Map.of("NEXUDUS_PASSWORD", "p"), "nexudus", "list").err())
                .startsWith("error: nexudus credentials incomplete: NEXUDUS_PASSWORD is set but NEXUDUS_USERNAME is "
                        + "not");
        assertThat(run(Map.of("ASANA_CLIENT_ID", "c", "ASANA_CLIENT_SECRET", "s"), "asana", "get", "1")
                        .err())
                .startsWith("error: asana credentials incomplete: ASANA_CLIENT_ID and ASANA_CLIENT_SECRET are set but "
                        + "ASANA_REFRESH_TOKEN is not");
        assertThat(run(Map.of("WIX_CLIENT_ID", "c"), "wix", "get", "j").err())
                .startsWith("error: wix credentials incomplete: WIX_CLIENT_ID is set but WIX_CLIENT_SECRET and "
                        + "WIX_INSTANCE_ID are not");
        assertThat(run(Map.of("WIX_SITE_ID", "s"), "wix", "get", "j").err())
                .startsWith("error: wix credentials incomplete: WIX_SITE_ID is set but WIX_API_KEY is not");
        assertThat(run(Map.of("WIX_API_KEY", "k"), "wix", "items", "j").err().strip())
                .isEqualTo("error: wix credentials incomplete: WIX_API_KEY is set but neither WIX_SITE_ID nor "
                        + "WIX_ACCOUNT_ID is (set WIX_SITE_ID for a site's jobs, WIX_ACCOUNT_ID for an account's)");
        assertThat(run(Map.of("NEXUDUS_USERNAME", "me@example.com"), "nexudus", "get", "1")
                        .exit())
                .isEqualTo(JobstatusCli.USAGE);
    }

    @Test
    void bothWixSiteAndAccountSaysWhichTwoConflictAndWhatToDo() {
        JobstatusCliTest.Run both =
                run(Map.of("WIX_API_KEY", "k", "WIX_SITE_ID", "s", "WIX_ACCOUNT_ID", "a"), "wix", "wait", "j");

        assertThat(both.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(both.err().strip())
                .isEqualTo("error: wix credentials conflict: WIX_SITE_ID and WIX_ACCOUNT_ID are both set, and an API "
                        + "key call goes to one site or one account: unset WIX_ACCOUNT_ID for a site's jobs, or "
                        + "WIX_SITE_ID for an account's");
    }

    @Test
    void aRedisUrlWithoutItsSchemeNamesTheVariableAndTheExpectedForm() {
        JobstatusCliTest.Run bare = run(
                Map.of("NEXUDUS_TOKEN", "t", "JOBSTATUS_REDIS_URL", "127.0.0.1:6391"),
                "nexudus",
                "get",
                "1",
                "--base-url",
                "https://spaces.nexudus.com/");
        JobstatusCliTest.Run withPassword = run(
                Map.of("NEXUDUS_TOKEN", "t", "JOBSTATUS_REDIS_URL", "user:pw-SECRET@127.0.0.1:6391"),
                "nexudus",
                "get",
                "1");

        assertThat(bare.err().strip())
                .isEqualTo("error: JOBSTATUS_REDIS_URL must be a URL such as redis://host:port (rediss:// for TLS), "
                        + "not 127.0.0.1:6391");
        assertThat(withPassword.err().strip())
                .isEqualTo("error: JOBSTATUS_REDIS_URL must be a URL such as redis://host:port (rediss:// for TLS), "
                        + "not ***@127.0.0.1:6391");
        assertThat(List.of(bare, withPassword))
                .allSatisfy(r -> assertThat(r.exit()).isEqualTo(JobstatusCli.USAGE));
    }

    @Test
    void theHelpListsEveryExitCode() {
        JobstatusCliTest.Run help = run(Map.of(), "--help");

        assertThat(help.out())
                .contains("Exit codes:")
                .containsPattern("(?m)^ +0 +Success")
                .containsPattern("(?m)^ +3 +The API answered with an error")
                .containsPattern("(?m)^ +6 +The provider refused the credentials");
    }
}
