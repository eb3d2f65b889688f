package org.bucketsweep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.usage.FolderUsage;
import org.bucketsweep.model.usage.UsageReport;
import org.bucketsweep.model.usage.UsageScan;

/**
 * Speed and memory of the usage scan ("Where's the space?", {@code bucketsweep usage}) over the listing bench's
 * versioned bucket ({@link ListingFixtures}: 1,000,000 versions and delete markers by default), in a JVM with a small
 * heap (bench.usageHeap, 256 MB): the scan keeps one tally per folder, never the versions, so it must fit where the
 * listing that keeps every row needs gigabytes.
 *
 * <p>Each run times the whole scan, samples the heap in use after every page (garbage included) and weighs the heap
 * after a full GC with the report held, against the heap before. A scan whose counts do not add up to the seeded
 * entries is an error, not a number.
 *
 * <p>Arguments: {@code fixtures} (the JSON file from the suite), {@code runs} (3; quick: 1).
 */
public final class UsageScanThroughput {

    static final Set<String> ARGS = Set.of("fixtures", "runs");
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** One timed scan. */
    record Run(long nanos, long versions, int folders, long peakUsedBytes, long retainedBytes) {
        double rowsPerSecond() {
            return versions / (nanos / 1e9);
        }
    }

    private UsageScanThroughput() {
    }

    public static void main(String[] args) {
        BenchMain.run("usage", args, ARGS, UsageScanThroughput::measure);
    }

    private static BenchResult measure(BenchArgs args) throws Exception {
        boolean quick = args.flag("quick", false);
        int runs = args.positiveInt("runs", quick ? 1 : 3);
        ListingFixtures fixtures = ListingFixtures.readFrom(Path.of(args.string("fixtures", "fixtures.json")));
        ListingFixtures.Fixture bucket = fixtures.versioned();
        List<Run> results = new ArrayList<>();
        try (S3Connection connection = LocalS3Server.connectTo(fixtures.endpoint())) {
            UsageScan scan = new UsageScan(connection);
            for (int round = 1; round <= runs; round++) {
                Run run = scanOnce(scan, bucket);
                results.add(run);
                System.out.printf(Locale.ROOT, "  [run %d/%d] %s: %,d versions into %,d folders in %.2f s = %,.0f"
                                + " rows/s; peak heap in use %,.0f MB, report holds %,.0f KB after GC%n", round, runs,
                        bucket.bucket(), run.versions, run.folders, run.nanos / 1e9, run.rowsPerSecond(),
                        run.peakUsedBytes / 1e6, run.retainedBytes / 1e3);
            }
        }
        return report(bucket, results, runs);
    }

    private static Run scanOnce(UsageScan scan, ListingFixtures.Fixture bucket) {
        long baseline = HeapGauge.usedAfterGc();
        long[] peak = {baseline};
        long t0 = System.nanoTime();
        UsageReport report = scan.scan(bucket.bucket(), "", UsageScan.DEFAULT_DEPTH,
                versions -> peak[0] = Math.max(peak[0], MEMORY.getHeapMemoryUsage().getUsed()),
                new CancellationToken());
        long nanos = System.nanoTime() - t0;
        long retained = HeapGauge.usedAfterGc() - baseline;
        FolderUsage t = report.total();
        Reference.reachabilityFence(report);
        long counted = t.currentObjects() + t.noncurrentVersions() + t.deleteMarkers();
        if (report.versions() != bucket.entries() || counted != bucket.entries()
                || t.deleteMarkers() != bucket.deleteMarkers()) {
            throw new IllegalStateException(bucket.bucket() + ": scanned " + report.versions() + " entries ("
                    + counted + " counted, " + t.deleteMarkers() + " markers), seeded " + bucket.entries() + " ("
                    + bucket.deleteMarkers() + " markers)");
        }
        return new Run(nanos, report.versions(), report.folders().size(), peak[0], retained);
    }

    private static BenchResult report(ListingFixtures.Fixture bucket, List<Run> runs, int count) {
        double seconds = Stats.median(runs.stream().map(r -> r.nanos / 1e9).toList());
        double rate = Stats.median(runs.stream().map(Run::rowsPerSecond).toList());
        double peak = Stats.median(runs.stream().map(r -> (double) r.peakUsedBytes).toList());
        double retained = Stats.median(runs.stream().map(r -> (double) r.retainedBytes).toList());
        Run any = runs.get(0);
        long maxHeap = Runtime.getRuntime().maxMemory();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; client heap max %,d MB; %s  %n", Machine.describe(),
                maxHeap >> 20, Machine.now()));
        md.append(String.format(Locale.ROOT, "%d run(s), median shown.%n%n", count));
        md.append("| Scan | Versions and markers | Folders | Time | Rows/s | Peak heap in use (garbage included) |"
                + " Heap held by the report after GC | Runs (s) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        md.append(String.format(Locale.ROOT, "| `UsageScan`, depth 1, whole bucket | %,d | %,d | **%.1f s** | %,.0f |"
                        + " %,.0f MB of %,d MB | %,.0f KB | %s |%n", any.versions, any.folders, seconds, rate,
                peak / 1e6, maxHeap >> 20, retained / 1e3, runs.stream()
                        .map(r -> String.format(Locale.ROOT, "%.1f", r.nanos / 1e9)).collect(Collectors.joining(" / "))));
        List<BenchResult.Figure> figures = List.of(new BenchResult.Figure("Usage scan", String.format(Locale.ROOT,
                "Where the space goes (`UsageScan`), %,d versions and delete markers", any.versions),
                String.format(Locale.ROOT, "%.1f s; %,.0f rows/s; peak heap in use %,.0f MB (max %,d MB); report"
                        + " holds %,.0f KB after GC", seconds, rate, peak / 1e6, maxHeap >> 20, retained / 1e3)));
        return new BenchResult("usage", md.toString(), figures, true);
    }
}
