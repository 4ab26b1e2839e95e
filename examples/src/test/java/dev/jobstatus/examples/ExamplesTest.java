package dev.jobstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.polling.JobState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each example runs offline against its simulator; the README's snippets are the examples' own code. */
class ExamplesTest {
    private static final Env OFFLINE = new Env(Map.of());
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void nexudusListsEveryFailedJobOfTheYear() {
        assertThat(NexudusListJobs.run(OFFLINE, out)).isEqualTo(500);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("500 failed jobs", "newest: 2496 Failed result {\"rows\":2496}");
    }

    @Test
    void wixWaitsWithProgress() {
        assertThat(WixWaitWithProgress.run(OFFLINE, out).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("INITIALIZED  0/1000 done", "PROCESSING", "FINISHED  1000/1000 done")
                .contains("ended FINISHED with 100 failed item(s)");
    }

    @Test
    void asanaWaitsForSuccess() {
        assertThat(AsanaWaitForJob.run(OFFLINE, out).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("is not_started", "created project Copy of Launch plan");
    }

    @Test
    void nexudusWatchesFiftyJobsAtOnce() {
        assertThat(NexudusWatchMany.run(OFFLINE, out)).isEqualTo(45);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("job 10 ended Failed", "job 49 ended Completed", "45 of 50 jobs succeeded");
    }

    @Test
    void theExamplesRunOnTheModulePathAndOnTheClassPath() throws Exception {
        String dependencies =
                Files.readString(Path.of("target/runtime-path.txt")).strip();
        String path = Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator + dependencies;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        String modular = run(
                java, "--module-path", path, "--module", "dev.jobstatus.examples/dev.jobstatus.examples.AllExamples");
        String classic = run(java, "-cp", path, "dev.jobstatus.examples.AllExamples");

        for (String output : List.of(modular, classic)) {
            assertThat(output)
                    .contains(
                            "500 failed jobs",
                            "ended FINISHED with 100 failed item(s)",
                            "created project Copy of Launch plan",
                            "45 of 50 jobs succeeded")
                    .doesNotContain("Exception");
        }
    }

    /** Runs a JVM with no credentials in its environment and returns what it printed; it must exit 0. */
    private static String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("NEXUDUS_") || k.startsWith("WIX_") || k.startsWith("ASANA_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES))
                .as("exited in time")
                .isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    @Test
    void everyReadmeSnippetIsTheCompiledExampleCode() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"));
        Map<String, String> sources = new LinkedHashMap<>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = Pattern.compile("// snippet:([\\w-]+)\\n(.*?)\\n\\s*// end-snippet", Pattern.DOTALL)
                        .matcher(Files.readString(file));
                while (m.find()) {
                    sources.put(m.group(1), normalize(m.group(2)));
                }
            }
        }
        Matcher m = Pattern.compile("<!-- snippet:([\\w-]+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(readme);
        int checked = 0;
        while (m.find()) {
            assertThat(sources)
                    .as("example code for README snippet " + m.group(1))
                    .containsKey(m.group(1));
            assertThat(normalize(m.group(2))).as("README snippet " + m.group(1)).isEqualTo(sources.get(m.group(1)));
            checked++;
        }
        assertThat(checked).isEqualTo(sources.size()).isEqualTo(5);
    }

    /** Removes the common indentation, so a snippet reads the same in a method and in the README. */
    private static String normalize(String code) {
        List<String> lines = code.lines().toList();
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                        "\n",
                        lines.stream()
                                .map(l -> l.isBlank() ? "" : l.substring(indent))
                                .toList())
                .strip();
    }
}
