package dev.jobstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your first project", built and tested as a user would: its blocks are written into a fresh Maven
 * project, the SDK's freshly built artifacts are installed into a repository of the project's own (third-party
 * artifacts come from the build's repository, so nothing is downloaded), and {@code mvn test} runs on it — once on the
 * class path, once as a modular application with Surefire's defaults. The README cannot rot.
 */
class FirstProjectTest {
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern BLOCK =
            Pattern.compile("<!-- (first-project(?:-modular)?): (\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path work;

    private static Map<String, String> blocks(String kind) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                blocks.put(m.group(2), m.group(3) + "\n");
            }
        }
        return blocks;
    }

    /** Installs the SDK's artifacts from the reactor's target folders, as {@code ./mvnw install} would. */
    private Path repositoryWithTheSdk() throws IOException {
        Path repo = work.resolve("repo");
        install(repo, "jobstatus-parent", ROOT.resolve("pom.xml"), null);
        install(repo, "bom", ROOT.resolve("bom/pom.xml"), null);
        for (String module : List.of("sdk-core", "nexudus-client", "wix-client", "asana-client", "testkit")) {
            install(
                    repo,
                    module,
                    ROOT.resolve(module + "/pom.xml"),
                    ROOT.resolve(module + "/target/" + module + "-" + VERSION + ".jar"));
        }
        return repo;
    }

    private static void install(Path repo, String artifact, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/jobstatus/" + artifact + "/" + VERSION));
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            assertThat(jar).as("built by the reactor before this module").exists();
            Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }

    /** A settings file that takes every other artifact and plugin from the build's own repository. */
    private Path settings() throws IOException {
        String local =
                System.getProperty("jobstatus.buildRepository", System.getProperty("user.home") + "/.m2/repository");
        return Files.writeString(
                work.resolve("settings.xml"),
                "<settings><mirrors><mirror><id>build</id><mirrorOf>*</mirrorOf>" + "<url>"
                        + Path.of(local).toUri() + "</url></mirror></mirrors></settings>\n");
    }

    private String mvnTest(Path project, Path repo, Path settings) throws Exception {
        Path log = work.resolve(project.getFileName() + ".log");
        Process mvn = new ProcessBuilder(
                        ROOT.resolve("mvnw").toString(),
                        "-B",
                        "-s",
                        settings.toString(),
                        "-Dmaven.repo.local=" + repo,
                        "test")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(mvn.waitFor(5, TimeUnit.MINUTES)).as("mvn test finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(mvn.exitValue()).as(output).isZero();
        return output;
    }

    private static Path write(Path project, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return project;
    }

    @Test
    void theReadmesFirstProjectBuildsAndPassesItsTestOnTheClassPathAndAsAModularApplication() throws Exception {
        Map<String, String> project = blocks("first-project");
        Map<String, String> modular = blocks("first-project-modular");
        assertThat(project)
                .containsOnlyKeys(
                        "pom.xml",
                        "src/main/java/com/example/FailedJobs.java",
                        "src/test/java/com/example/FailedJobsTest.java");
        assertThat(modular).containsOnlyKeys("src/main/java/module-info.java", "surefire-configuration");
        Path repo = repositoryWithTheSdk();
        Path settings = settings();

        Path plain = write(work.resolve("plain"), project);
        String plainRun = mvnTest(plain, repo, settings);

        Map<String, String> modularProject = new LinkedHashMap<>(project);
        String surefire = "<artifactId>maven-surefire-plugin</artifactId>\n        <version>3.5.4</version>\n";
        assertThat(project.get("pom.xml")).contains(surefire);
        modularProject.put(
                "pom.xml", project.get("pom.xml").replace(surefire, surefire + modular.get("surefire-configuration")));
        modularProject.put("src/main/java/module-info.java", modular.get("src/main/java/module-info.java"));
        Path modularDir = write(work.resolve("modular"), modularProject);
        String modularRun = mvnTest(modularDir, repo, settings);

        assertThat(plainRun).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(modularRun).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(Files.readString(modularDir.resolve("target/surefire-reports/com.example.FailedJobsTest.txt")))
                .contains("Tests run: 1, Failures: 0");
    }
}
