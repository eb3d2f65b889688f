package org.bucketsweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bucketsweep.bench.CephDeleteThroughput.Phase;
import org.bucketsweep.bench.DeleteRunTypes.Kind;
import org.bucketsweep.bench.DeleteRunTypes.Run;
import org.bucketsweep.bench.DeleteRunTypes.Variant;

/** The Ceph delete bench's section of docs/benchmarks.md: one table per phase, ratios to the best SDK loop. */
final class CephReport {

    private final int objects;
    private final int runs;
    private final String awsVersion;

    CephReport(int objects, int runs, String awsVersion) {
        this.objects = objects;
        this.runs = runs;
        this.awsVersion = awsVersion;
    }

    String markdown(Map<Phase, Map<Variant, List<Run>>> results, double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(Machine.describe()).append("; Ceph RGW from `scripts/ceph-rgw.sh` (one mon,"
                + " one memstore OSD, beast on 127.0.0.1), on the same machine; ").append(Machine.now())
                .append(String.format(Locale.ROOT, "; the bench took %.1f min.  %n", minutes));
        md.append(String.format(Locale.ROOT, "Data: a fresh versioned bucket of %,d objects per variant; DeleteObjects"
                + " of %d keys, verbose; %d run(s) per variant, median shown; every run checked by listing the"
                + " bucket afterwards.%n%n", objects, DeleteLoops.BATCH, runs));
        for (Map.Entry<Phase, Map<Variant, List<Run>>> e : results.entrySet()) {
            Phase phase = e.getKey();
            Map<Variant, List<Run>> byVariant = e.getValue();
            double best = bestSdk(byVariant);
            md.append("**").append(phase.name().toLowerCase(Locale.ROOT)).append("**: ").append(phase.label)
                    .append("\n\n");
            md.append("| Variant | Concurrency | Keys/s (median) | Ratio to best SDK loop | Runs (keys/s) | Notes |\n");
            md.append("|---|---:|---:|---:|---|---|\n");
            byVariant.forEach((v, list) -> {
                Double m = median(list);
                String ratio = m == null || best <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", m / best);
                String perRun = list.stream().map(r -> r.isOk()
                        ? String.format(Locale.ROOT, "%,.0f", r.keysPerSecond()) : "ERROR")
                        .collect(Collectors.joining(" / "));
                String notes = list.stream().filter(r -> !r.isOk()).findFirst().map(Run::error)
                        .orElse(v.kind() == Kind.ENGINE ? limits(list.get(0).outcomes()) : "").replace('|', '/');
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", v.kind().label,
                        concurrency(v), m == null ? "ERROR" : String.format(Locale.ROOT, "**%,.0f**", m), ratio,
                        perRun, notes));
            });
            Double auto = defaultEngine(byVariant);
            if (auto != null && best > 0) {
                md.append(String.format(Locale.ROOT, "%n- Engine at its default (adaptive) / best SDK loop: **%.2f**"
                        + " (%,.0f / %,.0f keys/s).%n", auto / best, auto, best));
            }
            md.append('\n');
        }
        if (awsVersion != null) {
            md.append("aws CLI: ").append(awsVersion).append("; each call starts a new process (in its time);"
                    + " `aws s3 rm` has no noncurrent phase, it cannot delete versions.\n");
        }
        return md.toString();
    }

    List<BenchResult.Figure> figures(Map<Phase, Map<Variant, List<Run>>> results) {
        List<BenchResult.Figure> figures = new ArrayList<>();
        results.forEach((phase, byVariant) -> {
            Double auto = defaultEngine(byVariant);
            double best = bestSdk(byVariant);
            String value = auto == null || best <= 0 ? "n/a" : String.format(Locale.ROOT,
                    "%,.0f vs %,.0f keys/s = %.2f", auto, best, auto / best);
            figures.add(new BenchResult.Figure("Delete throughput on Ceph RGW", String.format(Locale.ROOT,
                    "%s, %,d items: engine default vs best SDK loop", phase.label, objects), value));
        });
        return figures;
    }

    boolean allOk(Map<Phase, Map<Variant, List<Run>>> results) {
        return results.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .allMatch(Run::isOk);
    }

    private static String concurrency(Variant v) {
        return switch (v.kind()) {
            case ENGINE -> v.adaptive() ? "auto (default)" : String.valueOf(v.concurrency());
            case SDK -> String.valueOf(v.concurrency());
            case CLI_DELETE_OBJECTS -> "1 (sequential)";
            case CLI_RM -> v.concurrency() + " (CLI default)";
        };
    }

    /** The limits the engine announced, from its outcomes text: start, highest, last. */
    private static String limits(String outcomes) {
        int i = outcomes.indexOf("limits=[");
        if (i < 0) {
            return "";
        }
        String[] parts = outcomes.substring(i + 8, outcomes.indexOf(']', i)).split(",\\s*");
        if (parts.length <= 1) {
            return "";
        }
        int max = 0;
        for (String p : parts) {
            max = Math.max(max, Integer.parseInt(p.trim()));
        }
        return "in flight: started " + parts[0].trim() + ", highest " + max + ", last " + parts[parts.length - 1].trim();
    }

    private static Double median(List<Run> list) {
        return list.stream().allMatch(Run::isOk) && !list.isEmpty()
                ? Stats.median(list.stream().map(Run::keysPerSecond).toList()) : null;
    }

    private static double bestSdk(Map<Variant, List<Run>> byVariant) {
        return byVariant.entrySet().stream().filter(e -> e.getKey().kind() == Kind.SDK)
                .map(e -> median(e.getValue())).filter(m -> m != null).mapToDouble(Double::doubleValue).max()
                .orElse(0);
    }

    private static Double defaultEngine(Map<Variant, List<Run>> byVariant) {
        return byVariant.entrySet().stream().filter(e -> e.getKey().adaptive()).map(e -> median(e.getValue()))
                .findFirst().orElse(null);
    }
}
