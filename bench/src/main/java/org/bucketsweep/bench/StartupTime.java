package org.bucketsweep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Seconds from launching the app to its main window listing the demo sandbox's buckets: the app started with
 * {@code --demo --exit-when-ready} prints {@code READY <ms>} at that moment and exits. Measured for the runnable
 * jar ({@code java -jar app/target/bucketsweep.jar}, with this bench's JDK) and, where it is installed, for the
 * installed app's launcher. Each is started once untimed first (so that the OS has the files cached and JavaFX
 * has unpacked its native libraries), then {@code runs} times; the table shows the median. Every start gets the
 * same fresh {@code BUCKETSWEEP_HOME} and no JAVA_TOOL_OPTIONS; it needs a display (the suite runs this bench under
 * {@code xvfb-run} when there is none).
 *
 * <p>Arguments: {@code jar} (app/target/bucketsweep.jar), {@code installed} (the launcher, default
 * /opt/bucketsweep/bin/BucketSweep), {@code runs} (5; quick: 2), {@code timeout-seconds} (120).
 */
public final class StartupTime {

    static final Set<String> ARGS = Set.of("jar", "installed", "runs", "timeout-seconds");
    private static final Pattern READY = Pattern.compile("^READY (\\d+) ms");
    private static final Pattern WINDOW = Pattern.compile("^WINDOW (\\d+) ms");

    /**
     * One start: wall time from launch to READY, the app's own figure (ms since its class was loaded), wall time from
     * launch to the main window's first frame, and the CPU time the app's process had used at READY (all its threads:
     * less affected than wall time by other programs on the machine).
     */
    record Start(double seconds, long appMillis, double windowSeconds, double cpuSeconds) {
    }

    private final int timeoutSeconds;
    private final Path home;

    private StartupTime(int timeoutSeconds, Path home) {
        this.timeoutSeconds = timeoutSeconds;
        this.home = home;
    }

    public static void main(String[] args) {
        BenchMain.run("startup", args, ARGS, StartupTime::measure);
    }

    private static BenchResult measure(BenchArgs args) throws Exception {
        boolean quick = args.flag("quick", false);
        int runs = args.positiveInt("runs", quick ? 2 : 5);
        Path jar = Path.of(args.string("jar", "app/target/bucketsweep.jar"));
        Path installed = Path.of(args.string("installed", "/opt/bucketsweep/bin/BucketSweep"));
        if (!Files.isRegularFile(jar)) {
            return BenchResult.failed("startup", jar + " is missing: build it with ./mvnw -q package -DskipTests");
        }
        Path home = Files.createTempDirectory("bucketsweep-bench-home-");
        try {
            StartupTime bench = new StartupTime(args.positiveInt("timeout-seconds", 120), home);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jarCommand = "java -jar " + jar.getFileName() + " --demo --exit-when-ready";
            List<Start> jarStarts = bench.starts(jarCommand,
                    List.of(java, "-jar", jar.toString(), "--demo", "--exit-when-ready"), runs);
            List<Start> installedStarts = Files.isExecutable(installed)
                    ? bench.starts(installed + " --demo --exit-when-ready",
                            List.of(installed.toString(), "--demo", "--exit-when-ready"), runs)
                    : List.of();
            return report(jarCommand, jar, jarStarts, installed, installedStarts, runs);
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private List<Start> starts(String label, List<String> command, int runs) throws IOException, InterruptedException {
        System.out.println("Warm-up start (not counted): " + label);
        startOnce(command);
        List<Start> starts = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Start start = startOnce(command);
            starts.add(start);
            System.out.printf(Locale.ROOT, "  [%d/%d] %s: window after %.2f s, READY after %.2f s (the app says"
                    + " %d ms), CPU %.2f s%n", run, runs, label, start.windowSeconds, start.seconds, start.appMillis,
                    start.cpuSeconds);
        }
        return starts;
    }

    /** Launches the app, waits for READY and for it to exit. */
    private Start startOnce(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        Map<String, String> env = builder.environment();
        // Options from the caller's environment would change what is timed.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.put("BUCKETSWEEP_HOME", home.toString());
        long t0 = System.nanoTime();
        Process app = builder.start();
        // A start that hangs before READY would block the reading below: stop it after the timeout.
        CompletableFuture.delayedExecutor(timeoutSeconds, TimeUnit.SECONDS).execute(() -> stop(app));
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            Start start = null;
            double window = Double.NaN;
            for (String line = out.readLine(); line != null && start == null; line = out.readLine()) {
                if (WINDOW.matcher(line).find()) {
                    window = (System.nanoTime() - t0) / 1e9;
                }
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpu = app.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                    start = new Start(seconds, Long.parseLong(ready.group(1)), window, cpu);
                }
            }
            if (!app.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException("the app did not exit within " + timeoutSeconds + " s");
            }
            if (start == null || app.exitValue() != 0) {
                throw new IOException("the app exited with " + app.exitValue() + (start == null ? " without READY"
                        : "") + ": " + tail(log));
            }
            return start;
        } finally {
            stop(app);
        }
    }

    private static void stop(Process app) {
        if (app.isAlive()) {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static BenchResult report(String jarCommand, Path jar, List<Start> jarStarts, Path installed,
                                      List<Start> installedStarts, int runs) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; display %s; %s  %n", Machine.describe(),
                System.getenv().getOrDefault("DISPLAY", "none"), Machine.now()));
        md.append(String.format(Locale.ROOT, "%d timed start(s) each after one untimed start, median shown; the jar"
                + " is %,.1f MB.%n%n", runs, Files.size(jar) / 1e6));
        md.append("| App | Launch to READY (median) | Fastest | Slowest | The app's own figure (median)"
                + " | Launch to window (median) | CPU time to READY (median) | Each start |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        List<BenchResult.Figure> figures = new ArrayList<>();
        row(md, figures, "`" + jarCommand + "`", jarStarts);
        if (installedStarts.isEmpty()) {
            md.append("| installed app (`").append(installed).append("`) | not installed | | | | | | |\n");
            figures.add(new BenchResult.Figure("Start-up", "installed app, launch to READY",
                    "not measured: " + installed + " is not installed"));
        } else {
            row(md, figures, "installed app (`" + installed + "`)", installedStarts);
        }
        md.append("\nThe app's own figure counts from the loading of its JavaFX application class, so it leaves out\n"
                + "the JVM's start and the command line; the launch-to-READY time is what a person waits. Launch to\n"
                + "window: until the main window's first frame is laid out (before the demo sandbox is up). CPU\n"
                + "time: what the app's process had used at READY, all threads together (JIT, GC, the demo server's\n"
                + "seeding included).\n");
        return new BenchResult("startup", md.toString(), figures, true);
    }

    private static void row(StringBuilder md, List<BenchResult.Figure> figures, String app, List<Start> starts) {
        List<Double> seconds = starts.stream().map(Start::seconds).toList();
        double median = Stats.median(seconds);
        double appMedian = Stats.median(starts.stream().map(s -> s.appMillis / 1e3).toList());
        double windowMedian = Stats.median(starts.stream().map(Start::windowSeconds).toList());
        double cpuMedian = Stats.median(starts.stream().map(Start::cpuSeconds).toList());
        md.append(String.format(Locale.ROOT, "| %s | **%.2f s** | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %s |%n",
                app, median, seconds.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0), appMedian, windowMedian, cpuMedian,
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).collect(Collectors.joining(" / "))));
        figures.add(new BenchResult.Figure("Start-up", app + ", launch to READY (median of " + starts.size() + ")",
                String.format(Locale.ROOT, "%.2f s; window after %.2f s; CPU %.2f s", median, windowMedian,
                        cpuMedian)));
    }
}
