package org.bucketsweep.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The UI bench's runs, by scenario, printed as they come and summed up as a table of medians. */
final class PulseReport {

    /** One recorded run. */
    private record Run(PulseRecorder.PulseGaps gaps, long rowsHeapBytes) {
    }

    /** The runs of one scenario. */
    private record Scenario(String label, int rows, List<Run> runs) {
    }

    private final int runs;
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();

    PulseReport(int runs) {
        this.runs = runs;
    }

    /**
     * @param rows          the rows the view holds after the run; 0 when nothing streams
     * @param rowsHeapBytes the heap they hold after a full GC; 0 when not weighed
     */
    void add(int round, String label, int rows, PulseRecorder.PulseGaps g, long rowsHeapBytes) {
        scenarios.computeIfAbsent(label, l -> new Scenario(l, rows, new ArrayList<>())).runs
                .add(new Run(g, rowsHeapBytes));
        System.out.printf(Locale.ROOT, "  [round %d/%d] %s: %.1f s, %,d pulses, JavaFX thread busy %.0f%%, longest gap"
                        + " %.0f ms ending at %.1f s (%s), 99th percentile %.0f ms, %d gaps > 50 ms (in them: %s)%s%n",
                round, runs, label, g.spanNanos() / 1e9, g.pulses(), 100 * g.fxBusyShare(), g.longestMs(),
                g.longestEndSeconds(), g.longest().describe(), g.p99Ms(), g.stutters(), g.inStutters().describe(),
                rowsHeapBytes > 0 ? String.format(Locale.ROOT, "; rows hold %,.0f MB", rowsHeapBytes / 1e6) : "");
    }

    BenchResult result() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; heap max %,d MB; JavaFX %s, %s glass, %s rendering;"
                        + " window %.0fx%.0f; %s  %n", Machine.describe(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("javafx.runtime.version"), System.getProperty("glass.platform", "default"),
                System.getProperty("prism.order", "default"), WindowScenario.WIDTH, WindowScenario.HEIGHT,
                Machine.now()));
        md.append(String.format(Locale.ROOT, "%d run(s) each, median shown. A pulse is due every 16.7 ms; a gap of"
                + " more than 50 ms is a stutter a person notices.%n%n", runs));
        md.append("| What streams into the window | Rows | Took | JavaFX thread busy | Longest gap | 99th percentile"
                + " gap | Gaps > 50 ms | Longest gap, each run | Time in gaps > 50 ms: JavaFX thread working / GC /"
                + " waiting for a CPU / other | The renderer in those gaps: working / waiting for a CPU"
                + " | Heap the rows hold (after GC) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|\n");
        List<BenchResult.Figure> figures = new ArrayList<>();
        for (Scenario s : scenarios.values()) {
            double span = median(s, r -> r.gaps.spanNanos() / 1e9);
            double busy = median(s, r -> r.gaps.fxBusyShare());
            double longest = median(s, r -> r.gaps.longestMs());
            double p99 = median(s, r -> r.gaps.p99Ms());
            double stutters = median(s, r -> r.gaps.stutters());
            double heap = median(s, r -> r.rowsHeapBytes);
            PulseRecorder.Causes causes = s.runs.stream().map(r -> r.gaps.inStutters())
                    .reduce(PulseRecorder.Causes.NONE, PulseRecorder.Causes::plus);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f s | %.0f%% | **%,.0f ms** | %.0f ms | %.0f | %s ms"
                            + " | %s | %s | %s |%n", s.label, s.rows == 0 ? "" : String.format(Locale.ROOT, "%,d",
                            s.rows), span, 100 * busy, longest, p99, stutters, s.runs.stream()
                            .map(r -> String.format(Locale.ROOT, "%,.0f", r.gaps.longestMs()))
                            .collect(Collectors.joining(" / ")), shares(causes), rendererShares(causes),
                    heap <= 0 ? "" : String.format(Locale.ROOT, "%,.0f MB", heap / 1e6)));
            figures.add(new BenchResult.Figure("UI pulse gaps", s.label, String.format(Locale.ROOT,
                    "longest %,.0f ms; 99th percentile %.0f ms; %.0f gaps > 50 ms in %.1f s; JavaFX thread busy"
                            + " %.0f%%", longest, p99, stutters, span, 100 * busy)));
        }
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

    /** The renderer's work and wait for a CPU, as shares of the same time (they run beside the JavaFX thread's). */
    private static String rendererShares(PulseRecorder.Causes c) {
        if (c.nanos() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f%% / %.0f%%", 100.0 * c.renderNanos() / c.nanos(),
                100.0 * c.renderWaitNanos() / c.nanos());
    }

    private static double median(Scenario s, ToDoubleFunction<Run> metric) {
        return Stats.median(s.runs.stream().map(metric::applyAsDouble).toList());
    }
}
