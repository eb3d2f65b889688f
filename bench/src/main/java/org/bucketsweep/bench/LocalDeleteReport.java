package org.bucketsweep.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.bucketsweep.bench.DeleteRunTypes.Kind;
import org.bucketsweep.bench.DeleteRunTypes.Run;
import org.bucketsweep.bench.DeleteRunTypes.Variant;
import org.bucketsweep.bench.DeleteThroughput.Config;
import software.amazon.awssdk.core.util.VersionInfo;

/** The local delete bench's section of docs/benchmarks.md: the table, the verdict and the summary figures. */
final class LocalDeleteReport {

    private static final int BATCH = DeleteLoops.BATCH;
    private static final int VERSIONS_PER_KEY = DeleteThroughput.VERSIONS_PER_KEY;

    private final Config config;
    private final String awsVersion;

    LocalDeleteReport(Config config, String awsVersion) {
        this.config = config;
        this.awsVersion = awsVersion;
    }

    String report(Map<Variant, List<Run>> runs) {
        Map<String, Double> median = new HashMap<>();
        Map<String, Double> cpu = new HashMap<>();
        runs.forEach((v, list) -> {
            if (list.stream().allMatch(Run::isOk)) {
                median.put(v.id(), median(list, Run::keysPerSecond));
                cpu.put(v.id(), median(list, Run::cpuMsPerThousand));
            }
        });
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append("  \n");
        md.append(String.format(Locale.ROOT, "Data: %,d versions (%d per key) for the engine and the SDK, %,d for the"
                        + " aws CLI; %d run(s) per variant, median shown; DeleteObjects of %d keys, verbose.%n%n",
                config.versions(), VERSIONS_PER_KEY, config.cliVersions(), config.runs(), BATCH));
        md.append("| Variant | Concurrency | Items | Keys/s (median) | Ratio to SDK ceiling | Runs (keys/s) |"
                + " CPU ms / 1000 keys (median) |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (Map.Entry<Variant, List<Run>> e : runs.entrySet()) {
            Variant v = e.getKey();
            List<Run> list = e.getValue();
            Double m = median.get(v.id());
            String ceilingId = switch (v.kind()) {
                case ENGINE, SDK -> v.adaptive() ? bestSdk(median) : "sdk c=" + v.concurrency();
                case CLI_DELETE_OBJECTS -> "sdk c=1";
                case CLI_RM -> "sdk c=" + config.concurrency().stream().max(Comparator.naturalOrder()).orElse(1);
            };
            Double ceiling = median.get(ceilingId);
            String ratio = m == null || ceiling == null ? "n/a"
                    : String.format(Locale.ROOT, m / ceiling < 0.1 ? "%.3f" : "%.2f", m / ceiling) + (v.kind() == Kind.CLI_RM
                            ? " (vs " + ceilingId.substring(4) + ")" : "");
            String perRun = list.stream()
                    .map(r -> r.isOk() ? String.format(Locale.ROOT, "%,.0f", r.keysPerSecond()) : "ERROR")
                    .collect(Collectors.joining(" / "));
            String keysPerSecond = m != null ? String.format(Locale.ROOT, "**%,.0f**", m)
                    : "ERROR: " + list.stream().filter(r -> !r.isOk()).findFirst().map(Run::error).orElse("?")
                            .replace('|', '/');
            String concurrency = v.kind() == Kind.CLI_RM ? v.concurrency() + " (CLI default)"
                    : v.kind() == Kind.CLI_DELETE_OBJECTS ? "1 (sequential)" : v.adaptive() ? "auto (default)" : String.valueOf(v.concurrency());
            String cpuCell = cpu.containsKey(v.id()) ? String.format(Locale.ROOT, "%.1f", cpu.get(v.id())) : "n/a";
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s |%n", v.kind().label, concurrency,
                    v.items(), keysPerSecond, ratio, perRun, cpuCell));
        }
        md.append('\n').append(verdict(runs, median, cpu));
        return md.toString();
    }

    /** The adaptive engine has no SDK pair: it is measured against the fastest SDK loop. */
    private static String bestSdk(Map<String, Double> median) {
        return median.entrySet().stream().filter(e -> e.getKey().startsWith("sdk c="))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("sdk c=?");
    }

    /** For the summary table: median keys/s of each variant, the engine's and the SDK's by concurrency. */
    List<BenchResult.Figure> figures(Map<Variant, List<Run>> runs) {
        Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
        Map<Kind, Integer> items = new EnumMap<>(Kind.class);
        runs.forEach((v, list) -> {
            String value = list.stream().allMatch(Run::isOk)
                    ? String.format(Locale.ROOT, "%,.0f", median(list, Run::keysPerSecond)) : "ERROR";
            String perConcurrency = v.kind() == Kind.ENGINE || v.kind() == Kind.SDK
                    ? "c=" + v.concurrencyText() + ": " + value : value;
            byKind.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(perConcurrency);
            items.put(v.kind(), v.items());
        });
        List<BenchResult.Figure> figures = new ArrayList<>();
        byKind.forEach((kind, values) -> figures.add(new BenchResult.Figure("Delete throughput",
                String.format(Locale.ROOT, "%s, %,d items: keys/s (median of %d)", kind.label, items.get(kind),
                        config.runs()), String.join("; ", values))));
        return figures;
    }

    private String verdict(Map<Variant, List<Run>> runs, Map<String, Double> median, Map<String, Double> cpu) {
        StringBuilder s = new StringBuilder();
        Variant best = null;
        for (Variant v : runs.keySet()) {
            if (v.kind() == Kind.ENGINE && median.containsKey(v.id())
                    && (best == null || median.get(v.id()) > median.get(best.id()))) {
                best = v;
            }
        }
        if (best != null) {
            double top = median.get(best.id());
            List<String> close = new ArrayList<>();
            for (Variant v : runs.keySet()) {
                if (v.kind() == Kind.ENGINE && v != best && median.containsKey(v.id())
                        && median.get(v.id()) >= 0.9 * top) {
                    close.add(String.format(Locale.ROOT, "c=%s (%,.0f)", v.concurrencyText(), median.get(v.id())));
                }
            }
            s.append(String.format(Locale.ROOT, "- Engine's best throughput: concurrency %s, %,.0f keys/s%s.%n",
                    best.concurrencyText(), top, close.isEmpty() ? ""
                            : "; within 10% of it: " + String.join(", ", close)));
        }
        List<String> below = new ArrayList<>();
        List<String> atOrAbove = new ArrayList<>();
        for (Variant v : runs.keySet()) {
            Double ceiling = median.get("sdk c=" + v.concurrency());
            if (v.kind() != Kind.ENGINE || !median.containsKey(v.id()) || ceiling == null) {
                continue;
            }
            double ratio = median.get(v.id()) / ceiling;
            String item = String.format(Locale.ROOT, "c=%s (%.0f%%)", v.concurrencyText(), 100 * ratio);
            (ratio >= 0.9 ? atOrAbove : below).add(item);
        }
        if (!atOrAbove.isEmpty() || !below.isEmpty()) {
            s.append("- Engine at >= 90% of the SDK ceiling at the same concurrency: ")
                    .append(atOrAbove.isEmpty() ? "none" : String.join(", ", atOrAbove))
                    .append("; below 90%: ").append(below.isEmpty() ? "none" : String.join(", ", below))
                    .append(".\n");
        }
        List<String> paired = new ArrayList<>();
        for (Variant v : runs.keySet()) {
            if (v.kind() != Kind.ENGINE) {
                continue;
            }
            List<Run> engineRuns = runs.get(v);
            List<Run> sdkRuns = runs.entrySet().stream()
                    .filter(e -> e.getKey().kind() == Kind.SDK && e.getKey().concurrency() == v.concurrency())
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < Math.min(engineRuns.size(), sdkRuns.size()); r++) {
                if (engineRuns.get(r).isOk() && sdkRuns.get(r).isOk()) {
                    ratios.add(engineRuns.get(r).keysPerSecond() / sdkRuns.get(r).keysPerSecond());
                }
            }
            if (!ratios.isEmpty()) {
                double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double mid = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
                paired.add(String.format(Locale.ROOT, "c=%s %.2f (%s)", v.concurrencyText(), mid, ratios.stream()
                        .map(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(" / "))));
            }
        }
        if (!paired.isEmpty()) {
            s.append("- Paired: engine against the SDK deleting back to back in the same round (median of the"
                    + " rounds' ratios, then each round's): ").append(String.join("; ", paired)).append(".\n");
        }
        List<String> cpuRatios = new ArrayList<>();
        for (Variant v : runs.keySet()) {
            Double engineCpu = cpu.get(v.id());
            Double sdkCpu = cpu.get("sdk c=" + v.concurrency());
            if (v.kind() == Kind.ENGINE && engineCpu != null && sdkCpu != null) {
                cpuRatios.add(String.format(Locale.ROOT, "c=%s %+.0f%%", v.concurrencyText(), 100 * (engineCpu / sdkCpu - 1)));
            }
        }
        if (!cpuRatios.isEmpty()) {
            s.append("- CPU per key, engine against the SDK at the same concurrency (client and server together; not"
                    + " inflated by other programs on the machine, unlike the wall time): ")
                    .append(String.join(", ", cpuRatios)).append(".\n");
        }
        if (runs.keySet().stream().anyMatch(v -> v.kind() == Kind.CLI_RM)) {
            s.append("- `aws s3 rm --recursive` runs on an unversioned bucket and deletes current objects only (one"
                    + " DeleteObject per key, after listing; the listing is in its time); it cannot delete versions."
                    + " Its ratio is against the SDK ceiling at the highest measured concurrency.\n");
        }
        if (runs.keySet().stream().anyMatch(v -> v.kind() == Kind.CLI_DELETE_OBJECTS || v.kind() == Kind.CLI_RM)) {
            s.append(String.format(Locale.ROOT, "- aws CLI: %s; each call starts a new process (included in its"
                    + " time). The CLI variants use %,d items to keep the bench short.%n", awsVersion,
                    config.cliVersions()));
        }
        return s.toString();
    }

    private static double median(List<Run> list, ToDoubleFunction<Run> metric) {
        return Stats.median(list.stream().map(metric::applyAsDouble).toList());
    }

    private static final String LOAD_AT_START = Machine.loadAverage();

    private static String machine() {
        String load = Machine.loadAverage();
        return String.format(Locale.ROOT, "%s; heap %d MB; AWS SDK %s; local-s3 2.4 in memory;%s %s",
                Machine.describe(), Runtime.getRuntime().maxMemory() / (1024 * 1024), VersionInfo.SDK_VERSION,
                load.isEmpty() ? "" : " load average " + LOAD_AT_START + " at the start, " + load + " at the end;",
                Machine.now());
    }
}
