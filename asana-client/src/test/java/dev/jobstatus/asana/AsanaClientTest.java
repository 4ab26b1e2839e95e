package dev.jobstatus.asana;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.asana.model.CompactRef;
import dev.jobstatus.asana.model.Job;
import dev.jobstatus.asana.model.JobStatus;
import dev.jobstatus.asana.model.UserRef;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.BadRequestException;
import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.NoDelayServerSockets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AsanaClientTest {
    /** The 200 example of Asana's GET /jobs/{job_gid} reference, verbatim. */
    static final String DOCS_JOB = """
            {
              "data": {
                "gid": "12345",
                "resource_type": "job",
                "resource_subtype": "duplicate_task",
                "status": "in_progress",
                "new_project": {
                  "gid": "12345",
                  "resource_type": "project",
                  "name": "Stuff to buy"
                },
                "new_task": {
                  "gid": "12345",
                  "resource_type": "task",
                  "name": "Bug Task",
                  "resource_subtype": "default_task",
                  "created_by": {
                    "gid": "1111",
                    "resource_type": "user"
                  }
                },
                "new_project_template": {
                  "gid": "12345",
                  "resource_type": "project_template",
                  "name": "Packing list"
                },
                "new_graph_export": {
                  "gid": "12345",
                  "resource_type": "graph_export",
                  "created_at": "2012-02-22T02:06:58.147Z",
                  "download_url": "https://asana-export-us-east-1.s3.us-east-1.amazonaws.com/2563645399633793/domain_export/7588024658887731/download/ domain_export_2563645399633793_7588024658887731_2023018-201726.json.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256& X-Amz-Content-Sha256=xxxxxxxx&X-Amz-Date=xxxxxxxx&X-Amz-Expires=300&X-Amz-Security-Token=xxxxxxxx& X-Amz-Signature=xxxxxxxx&X-Amz-SignedHeaders=host&x-id=GetObject#_=_",
                  "completed_at": "2012-02-22T03:06:58.147Z"
                },
                "new_resource_export": {
                  "gid": "12345",
                  "resource_type": "export_request",
                  "created_at": "2012-02-22T02:06:58.147Z",
                  "download_url": "https://asana-export-us-east-1.s3.us-east-1.amazonaws.com/2563645399633793/object_export/7588024658887731/download/ object_export_2563645399633793_7588024658887731_2023018-201726.jsonl.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256& X-Amz-Credential=xxxxxxxx&X-Amz-Date=xxxxxxxx&X-Amz-Expires=300&X-Amz-Security-Token=xxxxxxxx& X-Amz-Signature=xxxxxxxx&X-Amz-SignedHeaders=host",
                  "completed_at": "2012-02-22T03:06:58.147Z"
                }
              }
            }""";

    @StartStop
    final MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());

    private final ManualTimeSource time = new ManualTimeSource();

    private AsanaClient.Builder builder() {
        return AsanaClient.builder()
                .baseUrl(server.url("/api/1.0"))
                .bearerToken("2/1203/abc-pat-secret")
                .timeSource(time)
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.builder().fullJitter(false).build());
    }

    @Test
    void theDocumentedJobParsesIncludingTheLongDownloadUrls() throws Exception {
        server.enqueue(json(200, DOCS_JOB));

        Job job = builder().build().jobs().get("12345");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /api/1.0/jobs/12345 HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer 2/1203/abc-pat-secret");
        assertThat(job.gid()).isEqualTo("12345");
        assertThat(job.resourceType()).isEqualTo("job");
        assertThat(job.resourceSubtype()).isEqualTo("duplicate_task");
        assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.newProject()).isEqualTo(new CompactRef("12345", "project", "Stuff to buy"));
        assertThat(job.newTask().name()).isEqualTo("Bug Task");
        assertThat(job.newTask().resourceSubtype()).isEqualTo("default_task");
        assertThat(job.newTask().createdBy()).isEqualTo(new UserRef("1111", "user"));
        assertThat(job.newProjectTemplate().name()).isEqualTo("Packing list");
        assertThat(job.newTaskTemplate()).isNull();
        assertThat(job.newPortfolio()).isNull();
        assertThat(job.newGraphExport().createdAt()).isEqualTo(Instant.parse("2012-02-22T02:06:58.147Z"));
        assertThat(job.newGraphExport().completedAt()).isEqualTo(Instant.parse("2012-02-22T03:06:58.147Z"));
        assertThat(job.newGraphExport().downloadUrl())
                .isEqualTo(
                        "https://asana-export-us-east-1.s3.us-east-1.amazonaws.com/"
                                + "2563645399633793/domain_export/7588024658887731/download/ domain_export_2563645399633793_7588024658887731_"
                                + "2023018-201726.json.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256& X-Amz-Content-Sha256=xxxxxxxx&X-Amz-Date=xxxxxxxx"
                                + "&X-Amz-Expires=300&X-Amz-Security-Token=xxxxxxxx& X-Amz-Signature=xxxxxxxx&X-Amz-SignedHeaders=host&x-id=GetObject#_=_");
        assertThat(job.newResourceExport().resourceType()).isEqualTo("export_request");
        assertThat(job.newResourceExport().downloadUrl())
                .endsWith("X-Amz-SignedHeaders=host")
                .contains("object_export_2563645399633793");
    }

    @Test
    void optFieldsGoAsOneCommaSeparatedValueAndPrettyAsABoolean() throws Exception {
        server.enqueue(json(200, DOCS_JOB));
        server.enqueue(json(200, DOCS_JOB));
        AsanaClient asana = builder().build();

        asana.jobs()
                .get(
                        "12345",
                        JobOptions.builder()
                                .fields(
                                        JobField.STATUS,
                                        JobField.NEW_TASK_CREATED_BY,
                                        JobField.NEW_GRAPH_EXPORT_DOWNLOAD_URL,
                                        JobField.STATUS)
                                .rawField("new_portfolio.owner")
                                .pretty(true)
                                .build());
        asana.jobs().get("12345", JobOptions.builder().pretty(false).build());

        assertThat(server.takeRequest().getTarget())
                .isEqualTo(
                        "/api/1.0/jobs/12345"
                                + "?opt_fields=status,new_task.created_by,new_graph_export.download_url,new_portfolio.owner&opt_pretty=true");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/1.0/jobs/12345?opt_pretty=false");
        assertThat(JobField.values()).hasSize(22).extracting(JobField::wireName).doesNotHaveDuplicates();
        assertThatThrownBy(() -> JobOptions.builder().rawField("a,b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "400 | BadRequestException       | opt_fields: Unknown field: nope",
                "401 | AuthenticationException   | Not Authorized",
                "403 | PermissionDeniedException | You do not have access to this job",
                "404 | NotFoundException         | job: Not a recognized ID: 999",
                "500 | ServerException           | Server Error",
            })
    void errorEnvelopesMapToTheirExceptions(int status, String type, String message) {
        String phrase = status == 500 ? ",\"phrase\":\"6 sad squid snuggle softly\"" : "";
        server.enqueue(json(
                status,
                "{\"errors\":[{\"message\":\"" + message + "\",\"help\":\"For more information on API status codes "
                        + "and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors\""
                        + phrase + "}]}"));
        AsanaClient asana = builder().retryPolicy(RetryPolicy.none()).build();

        ApiException e =
                catchThrowableOfType(ApiException.class, () -> asana.jobs().get("999"));

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.errorMessage()).contains(message);
        assertThat(e.getMessage())
                .contains("asana API returned HTTP " + status + " for GET /api/1.0/jobs/999: " + message + " (");
        assertThat(e.details()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo(message);
            assertThat(d.attributes().get("help")).startsWith("For more information");
            assertThat(d.attributes().get("phrase")).isEqualTo(status == 500 ? "6 sad squid snuggle softly" : null);
        });
    }

    @Test
    void severalErrorsAreAllKept() {
        server.enqueue(json(400, "{\"errors\":[{\"message\":\"first\"},{\"message\":\"second\",\"help\":\"h\"}]}"));

        BadRequestException e = catchThrowableOfType(
                BadRequestException.class, () -> builder().build().jobs().get("1"));

        assertThat(e.errorMessage()).contains("first; second");
        assertThat(e.details())
                .containsExactly(
                        new ErrorDetail(null, "first", Map.of()), new ErrorDetail(null, "second", Map.of("help", "h")));
        assertThat(e.getMessage()).contains("HTTP 400 for GET /api/1.0/jobs/1: first; second (");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "30")
                .body("{\"errors\":[{\"message\":\"You have made too many requests recently.\"}]}")
                .build());
        server.enqueue(json(200, DOCS_JOB));

        assertThat(builder().build().jobs().get("12345").gid()).isEqualTo("12345");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void unknownValuesExtraFieldsAndRandomStringsAllParse() {
        server.enqueue(json(200, """
                {"data": {"gid": "\\u0000\\n<script>", "resource_type": "jöb ✓", "resource_subtype": "archive_everything",
                  "status": "paused_by_gremlins", "surprise": {"deeply": [{"nested": true}]},
                  "new_task": {"gid": "t", "name": "%s", "resource_subtype": "x", "created_by": {"gid": "u", "extra": 1}, "more": null},
                  "new_graph_export": {"gid": "g", "created_at": "not a date", "completed_at": "2012-13-45T99:99:99Z",
                    "download_url": ")(*&^%%$#@!"},
                  "new_portfolio": {"gid": "p", "name": "P", "color": "pink"}},
                 "extra_top_level": [1, 2, 3]}""".formatted("\\\"quoted\\\" and \\\\ slashes")));

        Job job = builder().build().jobs().get("1");

        assertThat(job.status().value()).isEqualTo("paused_by_gremlins");
        assertThat(job.status().isKnown()).isFalse();
        assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(job.resourceSubtype()).isEqualTo("archive_everything");
        assertThat(job.gid()).isEqualTo("\u0000\n<script>");
        assertThat(job.newTask().name()).isEqualTo("\"quoted\" and \\ slashes");
        assertThat(job.newGraphExport().createdAt()).isNull();
        assertThat(job.newGraphExport().completedAt()).isNull();
        assertThat(job.newGraphExport().downloadUrl()).isEqualTo(")(*&^%$#@!");
        assertThat(job.newPortfolio().name()).isEqualTo("P");
    }

    @Test
    void aMissingDataEnvelopeIsMalformed() {
        server.enqueue(json(200, "{\"gid\":\"1\"}"));

        assertThatThrownBy(() -> builder().build().jobs().get("1"))
                .isInstanceOf(dev.jobstatus.core.exception.MalformedResponseException.class)
                .hasMessageContaining("no \"data\" object");
    }

    @Test
    void deprecationHeadersAreSentAndEachAnnouncedChangeIsLoggedOnce() throws Exception {
        List<LogRecord> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger("dev.jobstatus.asana");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        String change = "name=new_user_task_lists;info=https://asana.com/developers;affected=true";
        try {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder(json(200, DOCS_JOB))
                        .setHeader("Asana-Change", change)
                        .build());
            }
            AsanaClient asana = builder()
                    .enable("new_user_task_lists", "new_goal_memberships")
                    .disable("string_ids")
                    .build();
            for (int i = 0; i < 3; i++) {
                asana.jobs().get("12345");
            }
        } finally {
            logger.removeHandler(capture);
        }

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Asana-Enable")).isEqualTo("new_user_task_lists,new_goal_memberships");
        assertThat(request.getHeaders().get("Asana-Disable")).isEqualTo("string_ids");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.getLevel()).isEqualTo(Level.WARNING);
            assertThat(w.getMessage()).contains("new_user_task_lists").doesNotContain("abc-pat-secret");
        });
    }

    @Test
    void waitsFollowTheStatusToTheEnd() throws Exception {
        for (String status : List.of("not_started", "in_progress", "in_progress", "succeeded")) {
            server.enqueue(json(200, "{\"data\":{\"gid\":\"7\",\"status\":\"" + status + "\"}}"));
        }
        server.enqueue(json(200, "{\"data\":{\"gid\":\"8\",\"status\":\"failed\"}}"));
        server.enqueue(json(200, "{\"data\":{\"gid\":\"9\",\"status\":\"in_progress\"}}"));
        server.enqueue(json(200, "{\"data\":{\"gid\":\"9\",\"status\":\"succeeded\"}}"));
        List<JobState> states = new ArrayList<>();

        Job done = builder()
                .build()
                .jobs()
                .waiter("7")
                .listener(e -> states.add(e.job().state()))
                .await();
        Job failed = builder().build().jobs().waitFor("8");
        Job async = AsanaClient.builder()
                .baseUrl(server.url("/api/1.0"))
                .bearerToken("t")
                .pollPolicy(PollPolicy.builder()
                        .initialInterval(Duration.ofMillis(5))
                        .build())
                .build()
                .jobs()
                .waiter("9")
                .awaitSuccessAsync()
                .get(10, TimeUnit.SECONDS);

        assertThat(states).containsExactly(JobState.PENDING, JobState.RUNNING, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(async.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void buildRequiresATokenAndTheDefaultPaceIsTheFreeQuota() {
        assertThatThrownBy(() -> AsanaClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Credentials required");
        assertThatThrownBy(() -> AsanaClient.builder().bearerToken(" ")).isInstanceOf(IllegalArgumentException.class);

        for (int i = 0; i < 151; i++) {
            server.enqueue(json(200, DOCS_JOB));
        }
        AsanaClient asana = AsanaClient.builder()
                .baseUrl(server.url("/api/1.0"))
                .bearerToken("t")
                .timeSource(time)
                .build();
        for (int i = 0; i < 151; i++) {
            asana.jobs().get("12345");
        }
        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
        assertThat(asana.toString()).isEqualTo("AsanaClient[" + server.url("/api/1.0") + "]");
    }

    @Test
    void theTokenEndpointsAnswerAndTheAppsSecretsAreNeverQuoted() {
        server.enqueue(json(
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token rt-0ld-s3cret"
                        + " of app with secret app-s3cret-9 was revoked\"}"));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .body("access_token=at-s3cret-1&refresh_token=rt-s3cret-2&expires_in=3600")
                .build());
        try (AsanaClient asana = AsanaClient.builder()
                .baseUrl(server.url("/api/1.0"))
                .timeSource(time)
                .rateLimiter(RateLimiter.unlimited())
                .oauthRefresh("app-1", "app-s3cret-9", "rt-0ld-s3cret")
                .build()) {
            AuthenticationException refused = catchThrowableOfType(
                    AuthenticationException.class, () -> asana.jobs().get("9"));
            MalformedResponseException malformed = catchThrowableOfType(
                    MalformedResponseException.class, () -> asana.jobs().get("9"));

            assertThat(refused.getMessage())
                    .contains("POST /-/oauth_token", "refresh token *** of app with secret *** was revoked")
                    .doesNotContain("rt-0ld-s3cret", "app-s3cret-9");
            assertThat(malformed.getMessage())
                    .contains("asana", "200", "POST /-/oauth_token")
                    .doesNotContain("at-s3cret-1", "rt-s3cret-2");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"data\": {}}",
                "{\"errors\": [{\"message\": \"x\"}], \"data\": {}}",
                "{\"data\": {\"gid\": null, \"status\": \"succeeded\"}}"
            })
    void a200ThatIsNoJobIsMalformedNotAJobWithoutGid(String body) {
        server.enqueue(json(200, body));

        MalformedResponseException e = catchThrowableOfType(
                MalformedResponseException.class, () -> builder().build().jobs().get("123"));

        assertThat(e.getMessage()).contains("asana API returned HTTP 200", "gid");
    }
}
