package dev.jobstatus.benchmarks;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.model.Job;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;

/**
 * Cold start, each run in a fresh JVM: from process start to the first job fetched, the SDK ({@code AsanaClient}
 * built, one {@code get}) against the lean raw client (a bare {@code OkHttpClient} and default {@code ObjectMapper},
 * one GET of the same URL); and the {@code jobstatus asana get} command with and without its launcher. The median
 * of several spawns, the sides alternating so that drift lands on both.
 */
final class ColdStart {
    /** Medians, in milliseconds, and what each side spent building its client (in-process figure). */
    record Result(double sdkMs, double leanMs, double sdkBuildMs, double leanBuildMs, int spawns) {
        double ratio() {
            return sdkMs / leanMs;
        }
    }

    /**
     * The command's medians, in milliseconds, and a bare {@code java -Xshare:auto} hello-world's in the same run;
     * {@code NaN} when the jar was not built.
     */
    record Cli(double launcherMs, double plainJarMs, double helloMs, int runs) {
        /** The launcher's {@code asana get} as a multiple of the hello-world. */
        double launcherRatio() {
            return launcherMs / helloMs;
        }
    }

    private ColdStart() {}

    /** The child: fetches the job once the SDK's way or the lean way, printing "fetched <build ns>". */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("measure") || args[0].equals("cli")) {
            // By hand, from the repository root: java -cp benchmarks/target/benchmarks.jar
            // dev.jobstatus.benchmarks.ColdStart
            // measure 7 (the client and the command) or cli 20 (the command alone; a third argument: the directory of
            // another build's launcher and jar instead of cli/target)
            if (args[0].equals("measure")) {
                Result cold = measure(Integer.parseInt(args[1]));
                System.out.printf(
                        "cold start: sdk %.0f ms, lean %.0f ms, %.2fx; build sdk %.0f ms, lean %.0f ms%n",
                        cold.sdkMs(), cold.leanMs(), cold.ratio(), cold.sdkBuildMs(), cold.leanBuildMs());
            }
            Cli cli = cli(Integer.parseInt(args[1]), args.length > 2 ? Path.of(args[2]) : null);
            System.out.printf(
                    "cli asana get: launcher %.0f ms, java -jar %.0f ms, hello-world %.0f ms: launcher %.2fx hello-world%n",
                    cli.launcherMs(), cli.plainJarMs(), cli.helloMs(), cli.launcherRatio());
            return;
        }
        String base = args[1];
        long start = System.nanoTime();
        if (args[0].equals("sdk")) {
            try (AsanaClient asana = AsanaClient.builder()
                    .baseUrl(base + "api/1.0")
                    .bearerToken("bench-token")
                    .build()) {
                long built = System.nanoTime() - start;
                Job job = asana.jobs().get("12345");
                System.out.println("fetched " + built + " " + job.gid());
            }
        } else {
            Lean lean = new Lean();
            long built = System.nanoTime() - start;
            Lean.AsanaEnvelope job = lean.get(
                    base + "api/1.0/jobs/12345?" + args[2],
                    Lean.AsanaEnvelope.class,
                    "Authorization",
                    "Bearer bench-token");
            System.out.println("fetched " + built + " " + job.data().gid());
            lean.close();
        }
        System.exit(0);
    }

    static Result measure(int spawns) throws Exception {
        MockWebServer server = Fixtures.jobServer();
        try {
            String base = server.url("/").toString();
            String query = sdkQuery(server, base);
            List<Double> sdk = new ArrayList<>();
            List<Double> lean = new ArrayList<>();
            List<Double> sdkBuild = new ArrayList<>();
            List<Double> leanBuild = new ArrayList<>();
            for (int i = 0; i < spawns; i++) {
                boolean sdkFirst = i % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    boolean isSdk = (side == 0) == sdkFirst;
                    double[] run = spawn(isSdk ? "sdk" : "lean", base, query);
                    (isSdk ? sdk : lean).add(run[0]);
                    (isSdk ? sdkBuild : leanBuild).add(run[1]);
                }
            }
            return new Result(median(sdk), median(lean), median(sdkBuild), median(leanBuild), spawns);
        } finally {
            server.close();
        }
    }

    /** Returns the query string the SDK sends for {@code get("12345")}, for the lean side to send the same. */
    private static String sdkQuery(MockWebServer server, String base) throws Exception {
        try (AsanaClient asana = AsanaClient.builder()
                .baseUrl(base + "api/1.0")
                .bearerToken("bench-token")
                .build()) {
            asana.jobs().get("12345");
        }
        String query = server.takeRequest().getUrl().encodedQuery();
        return query == null ? "" : query;
    }

    /** Returns {ms from spawn to "fetched", ms the child spent building its client}. */
    private static double[] spawn(String side, String base, String query) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ColdStart.class.getName(),
                        side,
                        base,
                        query)
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("fetched ")) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    double build = Long.parseLong(line.split(" ")[1]) / 1e6;
                    child.waitFor(30, TimeUnit.SECONDS);
                    return new double[] {ms, build};
                }
            }
        }
        throw new IOException(side + " child did not fetch (exit " + child.waitFor() + ")");
    }

    /**
     * Times {@code jobstatus asana get 12345} against the loopback server, {@code runs} times each way, alternating:
     * through the launcher {@code cli/target/jobstatus}, and as {@code java -jar cli/target/jobstatus.jar}; and, as the
     * yardstick of the machine's state in the same run, a hello-world class run by {@code java -Xshare:auto}.
     *
     * @param directory where the launcher and the jar are; {@code null} for {@code cli/target}
     */
    static Cli cli(int runs, Path directory) throws Exception {
        // From the repository root (RunAll by hand) or from the benchmarks module (its smoke test).
        Path target = directory != null
                ? directory
                : Files.isDirectory(Path.of("cli", "target"))
                        ? Path.of("cli", "target")
                        : Path.of("..", "cli", "target");
        Path launcher = target.resolve("jobstatus");
        Path jar = target.resolve("jobstatus.jar");
        if (!Files.isExecutable(launcher) || !Files.exists(jar)) {
            return new Cli(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        MockWebServer server = Fixtures.jobServer();
        Thread drain = LoopbackServer.drain(server);
        try {
            String base = server.url("/").toString() + "api/1.0";
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> get = List.of("asana", "get", "12345", "--base-url", base);
            List<String> withLauncher = withArgs(List.of(launcher.toString()), get);
            List<String> withJar = withArgs(List.of(java, "-jar", jar.toString()), get);
            List<String> hello =
                    List.of(java, "-Xshare:auto", "-cp", helloWorld().toString(), "Hello");
            List<Double> viaLauncher = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            // Untimed first: the server's code warmed as a real API's is, and each command run once so the jar and
            // the archive are read from the page cache, not the disk, as on a user's second run.
            warm(base + "/jobs/12345");
            time(withLauncher);
            time(withJar);
            time(hello);
            for (int i = 0; i < runs; i++) {
                bare.add(time(hello));
                if (i % 2 == 0) {
                    viaLauncher.add(time(withLauncher));
                    plain.add(time(withJar));
                } else {
                    plain.add(time(withJar));
                    viaLauncher.add(time(withLauncher));
                }
            }
            return new Cli(median(viaLauncher), median(plain), median(bare), runs);
        } finally {
            drain.interrupt();
            server.close();
        }
    }

    /** Compiles a hello-world class into a directory of its own and returns the directory. */
    private static Path helloWorld() throws IOException {
        Path dir = Files.createTempDirectory("hello-world");
        Path source = Files.writeString(
                dir.resolve("Hello.java"),
                "public class Hello { public static void main(String[] args) { System.out.println(\"hello\"); } }");
        if (javax.tools.ToolProvider.getSystemJavaCompiler()
                        .run(null, null, null, "-d", dir.toString(), source.toString())
                != 0) {
            throw new IOException("cannot compile " + source);
        }
        return dir;
    }

    private static List<String> withArgs(List<String> command, List<String> args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(args);
        return all;
    }

    /** Sends the server a few hundred requests, so that its side of a timed run is compiled code. */
    private static void warm(String url) throws IOException {
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
        okhttp3.Request request = new okhttp3.Request.Builder().url(url).build();
        for (int i = 0; i < 300; i++) {
            try (okhttp3.Response response = client.newCall(request).execute()) {
                response.body().bytes();
            }
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static double time(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of("ASANA_TOKEN", "bench-token", "JAVA_HOME", System.getProperty("java.home")));
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IOException(
                    String.join(" ", command) + " exited " + exit + ": " + new String(output, StandardCharsets.UTF_8));
        }
        return ms;
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
