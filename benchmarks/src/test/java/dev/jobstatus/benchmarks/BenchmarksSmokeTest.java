package dev.jobstatus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark and scenario once at its smallest size, so a change that breaks the harness fails the
 * build. It asserts that each produced its figures, never how fast anything was.
 */
class BenchmarksSmokeTest {
    @Test
    void everyBenchmarkAndScenarioRuns() throws Exception {
        String report = RunAll.run(RunAll.Config.SMOKE);

        assertThat(report)
                .contains("| nexudus |", "| wix |", "| asana |", "| nexudus, both untimed |")
                .contains(
                        "## 2. Mapping",
                        "SDK / plain throughput",
                        "## 3. Listing",
                        "## 4. Polling",
                        "## 5. Rate-limit pacing")
                .contains(
                        "## 1a. Against the lean raw baseline",
                        "| wix items page (50) |",
                        "## 1b. Listeners",
                        "| OpenTelemetry API, no SDK |",
                        "## 1c. Cold start")
                .contains("launcher `cli/target/jobstatus`")
                .contains("3,000 records: 3 page requests (ideal 3, ratio 1.00×)")
                .contains("completed, every id seen once (checksum)")
                .contains("| 300 ms |")
                .contains("3 requests, 0 throttled (409)")
                .contains("## 6. Shared quota on Redis", "| one client alone | 2 |", "| 4 processes | 8 |")
                .contains(
                        "## 7. Waiting on many jobs",
                        "| nexudus | 20 | watcher |",
                        "| nexudus | 20 | a wait each |",
                        "| asana | 10 | watcher |",
                        "| asana | 10 | a wait each |")
                .doesNotContain("NaN", "FAILED");
    }
}
