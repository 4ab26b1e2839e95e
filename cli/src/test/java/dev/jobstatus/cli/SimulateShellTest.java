package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Try it without an account" block, run by {@code sh} exactly as written, with a {@code jobstatus} on the
 * {@code PATH} that, like the launcher, {@code exec}s Java on this module's classes.
 */
class SimulateShellTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- simulate-shell -->\\n```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PID = Pattern.compile("or kill (\\d+)");

    @Test
    @Timeout(180)
    void theReadmeBlockRunsAsWritten(@TempDir Path dir) throws Exception {
        String readme =
                Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        Matcher block = BLOCK.matcher(readme);
        assertThat(block.find()).as("README block <!-- simulate-shell -->").isTrue();
        Path launcher = dir.resolve("jobstatus");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(
                launcher,
                "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                        + "' dev.jobstatus.cli.JobstatusCli \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        File out = dir.resolve("out").toFile();
        File err = dir.resolve("err").toFile();
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", block.group(1))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out)
                .redirectError(err);
        shell.environment()
                .keySet()
                .removeIf(name -> name.startsWith("NEXUDUS_")
                        || name.startsWith("WIX_")
                        || name.startsWith("ASANA_")
                        || name.startsWith("JOBSTATUS_"));
        shell.environment().put("PATH", dir + File.pathSeparator + System.getenv("PATH"));

        Process process = shell.start();
        boolean ended = process.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        Matcher pid = PID.matcher(Files.readString(err.toPath(), StandardCharsets.UTF_8));
        Optional<ProcessHandle> simulator =
                pid.find() ? ProcessHandle.of(Long.parseLong(pid.group(1))) : Optional.empty();
        // The block's last line stops the simulators; a run that fails leaves nothing behind either.
        boolean stopped = true;
        if (simulator.isPresent()) {
            try {
                simulator.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException stillServing) {
                stopped = false;
                simulator.get().destroyForcibly();
            }
        }
        String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);

        assertThat(ended).as("the block ended; stderr:\n" + stderr).isTrue();
        assertThat(simulator).as("stderr names the simulator's pid:\n" + stderr).isPresent();
        assertThat(stopped).as("killed by the block's last line").isTrue();
        assertThat(stderr).endsWith("jobstatus simulate: stopped\n");
        assertThat(stderr).contains("jobstatus simulate: serving Nexudus at http://", "6 job(s)");
        assertThat(stderr).doesNotContain("error:");
        assertThat(stdout.lines().toList())
                .anySatisfy(line -> assertThat(line).contains("1003").contains("Failed"))
                .anySatisfy(line -> assertThat(line).contains("INVALID_ROW"))
                .anySatisfy(line -> assertThat(line).contains("1209000000000001"));
        assertThat(List.of(stdout.split("\n")))
                .noneSatisfy(line -> assertThat(line).startsWith("export "));
    }
}
