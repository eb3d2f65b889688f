package org.bucketsweep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javafx.application.Platform;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.ui.concurrent.FxTaskRunner;

/**
 * Whether the window stays responsive while big results stream into it: the longest time between two JavaFX pulses
 * (a frozen window for that long), the 99th percentile, and how many gaps were longer than 50 ms, while
 * <ul>
 *   <li>a delete job's results stream into the real results view ({@link ResultsStreaming}), and</li>
 *   <li>a listing of the suite's 1,000,000 versions and delete markers streams into the real object browser in its
 *       all-depths, show-versions mode ({@link BrowserStreaming}), and</li>
 *   <li>the suite's 100,000 unversioned objects stream into the object browser sorted by name, as after a click on
 *       the column header,</li>
 * </ul>
 * each in a 1400x860 window of its own, on headless JavaFX (Monocle, software rendering: the suite's JVM options
 * for this bench). Before each results run the same window is recorded for a few seconds doing nothing: what the
 * shared machine alone does to the pulses. Each run gets a new window and view model; the heap the rows hold is
 * weighed after a full GC.
 *
 * <p>Arguments: {@code fixtures} (from the suite), {@code runs} (3; quick: 1), {@code result-rows} (100,000; quick:
 * 10,000), {@code idle-millis} (3000).
 */
public final class UiResponsiveness {

    static final Set<String> ARGS = Set.of("fixtures", "runs", "result-rows", "idle-millis");

    /** One recorded run. */
    record Measured(PulseRecorder.PulseGaps gaps, long rowsHeapBytes) {
    }

    private UiResponsiveness() {
    }

    public static void main(String[] args) {
        BenchMain.run("ui", args, ARGS, UiResponsiveness::measure);
    }

    private static BenchResult measure(BenchArgs args) throws Exception {
        boolean quick = args.flag("quick", false);
        int runs = args.positiveInt("runs", quick ? 1 : 3);
        int resultRows = args.positiveInt("result-rows", quick ? 10_000 : 100_000);
        int idleMillis = args.positiveInt("idle-millis", 3000);
        ListingFixtures fixtures = ListingFixtures.readFrom(Path.of(args.string("fixtures", "fixtures.json")));
        FxThread.start();
        Path journals = Files.createTempDirectory("bucketsweep-bench-journals-");
        Map<String, List<Measured>> measured = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (FxTaskRunner tasks = new FxTaskRunner();
             S3Connection connection = LocalS3Server.connectTo(fixtures.endpoint())) {
            ConfirmingDialogs dialogs = new ConfirmingDialogs();
            String idle = String.format(Locale.ROOT, "Idle window, %.1f s, nothing streaming (the machine's own"
                    + " jitter)", idleMillis / 1e3);
            for (int round = 1; round <= runs; round++) {
                try (ResultsStreaming results = new ResultsStreaming(tasks, dialogs, connection,
                        fixtures.endpoint(), journals, resultRows)) {
                    results.open();
                    long before = HeapGauge.usedAfterGc();
                    add(measured, rows, idle, 0, new Measured(results.idle(idleMillis), 0), round, runs);
                    PulseRecorder.PulseGaps gaps = results.runOnce(round);
                    add(measured, rows, results.label(), results.rows(),
                            new Measured(gaps, HeapGauge.usedAfterGc() - before), round, runs);
                }
                for (BrowserStreaming browser : List.of(
                        new BrowserStreaming(tasks, dialogs, connection, fixtures.versioned(), true, false),
                        new BrowserStreaming(tasks, dialogs, connection, fixtures.flat(), false, true))) {
                    try (browser) {
                        browser.open();
                        long before = HeapGauge.usedAfterGc();
                        PulseRecorder.PulseGaps gaps = browser.runOnce();
                        add(measured, rows, browser.label(), browser.rows(),
                                new Measured(gaps, HeapGauge.usedAfterGc() - before), round, runs);
                    }
                }
            }
        } finally {
            try (var files = Files.walk(journals)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            Platform.exit();
        }
        return report(measured, rows, runs);
    }

    private static void add(Map<String, List<Measured>> measured, Map<String, Integer> rows, String label,
                            int rowCount, Measured m, int round, int runs) {
        measured.computeIfAbsent(label, l -> new ArrayList<>()).add(m);
        rows.put(label, rowCount);
        PulseRecorder.PulseGaps g = m.gaps();
        System.out.printf(Locale.ROOT, "  [round %d/%d] %s: %.1f s, %,d pulses, JavaFX thread busy %.0f%%, longest"
                        + " gap %.0f ms ending at %.1f s (%s), 99th percentile %.0f ms, %d gaps > 50 ms (in them: %s)%s%n", round, runs,
                label, g.spanNanos() / 1e9, g.pulses(), 100 * g.fxBusyShare(), g.longestMs(),
                g.longestEndSeconds(), g.longest().describe(), g.p99Ms(), g.stutters(), g.inStutters().describe(), m.rowsHeapBytes() > 0
                        ? String.format(Locale.ROOT, "; rows hold %,.0f MB", m.rowsHeapBytes() / 1e6) : "");
    }

    private static BenchResult report(Map<String, List<Measured>> measured, Map<String, Integer> rows, int runs) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; heap max %,d MB; JavaFX %s, %s glass, %s rendering;"
                        + " window %.0fx%.0f; %s  %n", Machine.describe(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("javafx.runtime.version"), System.getProperty("glass.platform", "default"),
                System.getProperty("prism.order", "default"), WindowScenario.WIDTH, WindowScenario.HEIGHT,
                Machine.now()));
        md.append(String.format(Locale.ROOT, "%d run(s) each, median shown. A pulse is due every 16.7 ms; a gap of"
                + " more than 50 ms is a stutter a person notices.%n%n", runs));
        md.append("| What streams into the window | Rows | Took | JavaFX thread busy | Longest gap | 99th percentile gap"
                + " | Gaps > 50 ms"
                + " | Longest gap, each run | Time in gaps > 50 ms: JavaFX thread working / GC / waiting for a CPU / other |"
                + " Heap the rows hold (after GC) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---:|\n");
        List<BenchResult.Figure> figures = new ArrayList<>();
        measured.forEach((label, list) -> {
            double span = median(list, m -> m.gaps().spanNanos() / 1e9);
            double busy = median(list, m -> m.gaps().fxBusyShare());
            double longest = median(list, m -> m.gaps().longestMs());
            double p99 = median(list, m -> m.gaps().p99Ms());
            double stutters = median(list, m -> m.gaps().stutters());
            double heap = median(list, m -> m.rowsHeapBytes());
            int n = rows.get(label);
            PulseRecorder.Causes causes = list.stream().map(m -> m.gaps().inStutters())
                    .reduce(PulseRecorder.Causes.NONE, PulseRecorder.Causes::plus);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f s | %.0f%% | **%,.0f ms** | %.0f ms | %.0f | %s | %s"
                            + " | %s |%n", label, n == 0 ? "" : String.format(Locale.ROOT, "%,d", n), span, 100 * busy,
                    longest, p99, stutters,
                    list.stream().map(m -> String.format(Locale.ROOT, "%,.0f", m.gaps().longestMs()))
                            .collect(Collectors.joining(" / ")) + " ms", shares(causes),
                    n == 0 ? "" : String.format(Locale.ROOT, "%,.0f MB", heap / 1e6)));
            figures.add(new BenchResult.Figure("UI pulse gaps", label, String.format(Locale.ROOT,
                    "longest %,.0f ms; 99th percentile %.0f ms; %.0f gaps > 50 ms in %.1f s; JavaFX thread busy %.0f%%",
                    longest, p99, stutters, span, 100 * busy)));
        });
        return new BenchResult("ui", md.toString(), figures, true);
    }

    /** The causes as shares of the time in long gaps, over all runs. */
    private static String shares(PulseRecorder.Causes c) {
        if (c.nanos() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%% / %.0f%%", 100.0 * c.fxWorkNanos() / c.nanos(),
                100.0 * c.gcNanos() / c.nanos(), 100.0 * c.cpuWaitNanos() / c.nanos(),
                100.0 * c.otherNanos() / c.nanos());
    }

    private static double median(List<Measured> list, ToDoubleFunction<Measured> metric) {
        return Stats.median(list.stream().map(metric::applyAsDouble).toList());
    }
}
