package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.AsanaSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution the package phase built (cli/target/jobstatus-VERSION), run as a user installs it: the launcher
 * through symlinks on the PATH, from a copy of the distribution elsewhere, and from the unpacked archive.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
    private static final Path DISTRIBUTION = Path.of(System.getProperty("jobstatus.distribution"));
    private static final String VERSION = System.getProperty("jobstatus.version");

    record Run(int exit, String out, String err) {}

    /** Runs {@code command} with {@code sh -c}, the test's Java as JAVA_HOME and {@code env} on top. */
    private static Run sh(Path dir, Map<String, String> env, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(dir.toFile());
        builder.environment().remove("JOBSTATUS_JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            return sh(builder, out, err, command);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static Run sh(ProcessBuilder builder, Path out, Path err, String command) throws Exception {
        Process process = builder.redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + command);
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = new ArrayList<>(walk.toList());
        }
        for (Path source : all) {
            Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void assertVersion(Run run) {
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("jobstatus " + VERSION + " (Java ");
    }

    @Test
    void theLauncherRunsAsABareCommandThroughASymlinkOnThePath(@TempDir Path home) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("jobstatus"), DISTRIBUTION.resolve("bin/jobstatus"));
        String path = bin + ":" + System.getenv("PATH");

        Run version = sh(home, Map.of("PATH", path), "jobstatus --version");

        assertVersion(version);
        Files.delete(bin.resolve("jobstatus"));
    }

    @Test
    void aChainOfRelativeSymlinksLeadsToTheDistribution(@TempDir Path home) throws Exception {
        // home/tools/js -> ../links/jobstatus -> <distribution>/bin/jobstatus, called by a relative path.
        Path links = Files.createDirectories(home.resolve("links"));
        Path tools = Files.createDirectories(home.resolve("tools"));
        Files.createSymbolicLink(links.resolve("jobstatus"), DISTRIBUTION.resolve("bin/jobstatus"));
        Files.createSymbolicLink(tools.resolve("js"), Path.of("../links/jobstatus"));

        assertVersion(sh(home, Map.of(), "tools/js --version"));
        assertVersion(sh(tools, Map.of(), "./js --version"));
        Files.delete(tools.resolve("js"));
        Files.delete(links.resolve("jobstatus"));
    }

    @Test
    void aCopiedDistributionRunsACommandAgainstASimulator(@TempDir Path elsewhere) throws Exception {
        Path copy = elsewhere.resolve("opt/jobstatus");
        Files.createDirectories(copy.getParent());
        copyTree(DISTRIBUTION, copy);
        try (AsanaSimulator asana =
                AsanaSimulator.start().addJob("100", "succeeded").withoutRateLimits()) {
            Run get = sh(
                    elsewhere,
                    Map.of("ASANA_TOKEN", AsanaSimulator.TOKEN),
                    copy.resolve("bin/jobstatus") + " asana get 100 --base-url " + asana.baseUrl());

            // The class archive stays behind (it serves the path it was made at): no warning about it either.
            assertThat(get.err()).isEmpty();
            assertThat(get.exit()).isZero();
            assertThat(get.out()).containsPattern("(?m)^Gid +100$");
        }
        assertVersion(sh(elsewhere, Map.of(), copy.resolve("bin/jobstatus") + " --version"));
    }

    @Test
    void theUnpackedArchiveRunsFromAnotherDirectory(@TempDir Path elsewhere) throws Exception {
        Path archive = DISTRIBUTION.resolveSibling(DISTRIBUTION.getFileName() + ".tar.gz");

        Run untar = sh(elsewhere, Map.of(), "tar xzf '" + archive + "'");

        assertThat(untar.exit()).as(untar.err()).isZero();
        Path unpacked = elsewhere.resolve("jobstatus-" + VERSION);
        assertThat(unpacked.resolve("bin/jobstatus")).isExecutable();
        assertThat(unpacked.resolve("lib/jobstatus.jar")).isRegularFile();
        assertThat(unpacked.resolve("LICENSE")).isRegularFile();
        assertVersion(sh(elsewhere, Map.of(), "jobstatus-" + VERSION + "/bin/jobstatus --version"));
    }

    @Test
    void theBuildTreeLauncherIsTheDistributionsThroughASymlink() throws Exception {
        Path target = DISTRIBUTION.getParent();

        assertVersion(sh(target, Map.of(), "./jobstatus --version"));
    }

    @Test
    void aLauncherWithoutItsLibrariesOrItsJavaSaysWhichPathIsWrong(@TempDir Path dir) throws Exception {
        Path alone = Files.createDirectories(dir.resolve("bin")).resolve("jobstatus");
        Files.copy(DISTRIBUTION.resolve("bin/jobstatus"), alone, StandardCopyOption.COPY_ATTRIBUTES);
        Path noJava = Files.createDirectories(dir.resolve("no-java"));

        Run withoutLib = sh(dir, Map.of(), alone + " --version");
        Run badJavaHome =
                sh(dir, Map.of("JAVA_HOME", noJava.toString()), DISTRIBUTION.resolve("bin/jobstatus") + " --version");

        assertThat(withoutLib.exit()).isEqualTo(127);
        assertThat(withoutLib.err())
                .isEqualTo("jobstatus: " + dir.toRealPath() + "/lib/jobstatus.jar not found: run the launcher from the"
                        + " bin/ directory of a jobstatus distribution, or through a symlink to it\n");
        assertThat(badJavaHome.exit()).isEqualTo(127);
        assertThat(badJavaHome.err()).startsWith("jobstatus: JAVA_HOME=" + noJava + " has no bin/java");
    }
}
