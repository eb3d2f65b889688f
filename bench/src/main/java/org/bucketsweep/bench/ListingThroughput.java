package org.bucketsweep.bench;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ListingPage;
import org.bucketsweep.model.connection.S3Connection;

/**
 * Listing speed and memory of the app's own {@link BucketBrowser}, page by page as the browser view gets it: every
 * version and delete marker of a big versioned bucket at all depths ({@code listAllVersions}), and every current
 * object of an unversioned bucket at all depths ({@code listAllCurrent}). The buckets are the suite's
 * {@link ListingFixtures}, on a local-s3 in another JVM, so this JVM's heap holds only what the app would.
 *
 * <p>Each run times the first row (from the call to the first page with a row) and the whole listing, keeps every
 * row as the app keeps them (a list of the entries of every page), and weighs the heap after a full GC with the
 * rows held, against the heap before the listing. A listing that does not return exactly the seeded entries is an
 * error, not a number. Runs alternate between the two listings; the table shows medians.
 *
 * <p>Arguments: {@code fixtures} (the JSON file from the suite), {@code runs} (3; quick: 1), {@code warmup}
 * (true; quick: false: one listing of the flat bucket first, not counted).
 */
public final class ListingThroughput {

    static final Set<String> ARGS = Set.of("fixtures", "runs", "warmup");

    /** One listing the app can make. */
    private record Listing(String label, String bucket, int expectedEntries, Lister lister) {
    }

    private interface Lister {
        void list(String bucket, Consumer<ListingPage> sink, CancellationToken cancel);
    }

    /** One timed listing. */
    record Run(long firstRowNanos, long totalNanos, int entries, int pages, long retainedBytes, long heapAfterGc) {
        double rowsPerSecond() {
            return entries / (totalNanos / 1e9);
        }
    }

    private ListingThroughput() {
    }

    public static void main(String[] args) {
        BenchMain.run("listing", args, ARGS, ListingThroughput::measure);
    }

    private static BenchResult measure(BenchArgs args) throws Exception {
        boolean quick = args.flag("quick", false);
        int runs = args.positiveInt("runs", quick ? 1 : 3);
        ListingFixtures fixtures = ListingFixtures.readFrom(Path.of(args.string("fixtures", "fixtures.json")));
        try (S3Connection connection = LocalS3Server.connectTo(fixtures.endpoint())) {
            BucketBrowser browser = new BucketBrowser(connection);
            List<Listing> listings = List.of(
                    new Listing("Every version and delete marker, all depths (`listAllVersions`)",
                            fixtures.versioned().bucket(), fixtures.versioned().entries(),
                            (bucket, sink, cancel) -> browser.listAllVersions(bucket, "", sink, cancel)),
                    new Listing("Current objects, all depths (`listAllCurrent`)", fixtures.flat().bucket(),
                            fixtures.flat().entries(),
                            (bucket, sink, cancel) -> browser.listAllCurrent(bucket, "", sink, cancel)));
            if (args.flag("warmup", !quick)) {
                System.out.println("Warm-up (not counted): " + listings.get(1).label);
                listOnce(listings.get(1));
            }
            Map<Listing, List<Run>> results = new LinkedHashMap<>();
            for (int round = 1; round <= runs; round++) {
                for (Listing listing : listings) {
                    Run run = listOnce(listing);
                    results.computeIfAbsent(listing, l -> new ArrayList<>()).add(run);
                    System.out.printf(Locale.ROOT, "  [round %d/%d] %s: %,d entries in %d pages, first row %.3f s,"
                                    + " all %.2f s = %,.0f rows/s; rows hold %,.0f MB (heap after GC %,.0f MB)%n",
                            round, runs, listing.bucket, run.entries, run.pages, run.firstRowNanos / 1e9,
                            run.totalNanos / 1e9, run.rowsPerSecond(), run.retainedBytes / 1e6,
                            run.heapAfterGc / 1e6);
                }
            }
            return report(results, runs);
        }
    }

    private static Run listOnce(Listing listing) {
        List<ListingEntry> rows = new ArrayList<>();
        int[] pages = {0};
        long[] firstRow = {-1};
        long baseline = HeapGauge.usedAfterGc();
        long t0 = System.nanoTime();
        listing.lister.list(listing.bucket, page -> {
            if (firstRow[0] < 0 && !page.entries().isEmpty()) {
                firstRow[0] = System.nanoTime() - t0;
            }
            pages[0]++;
            rows.addAll(page.entries());
        }, new CancellationToken());
        long total = System.nanoTime() - t0;
        long heap = HeapGauge.usedAfterGc();
        int entries = rows.size();
        Reference.reachabilityFence(rows);
        if (entries != listing.expectedEntries) {
            throw new IllegalStateException(listing.bucket + ": listed " + entries + " entries, seeded "
                    + listing.expectedEntries);
        }
        return new Run(firstRow[0], total, entries, pages[0], heap - baseline, heap);
    }

    private static BenchResult report(Map<Listing, List<Run>> results, int runs) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; client heap max %,d MB; %s  %n", Machine.describe(),
                Runtime.getRuntime().maxMemory() >> 20, Machine.now()));
        md.append(String.format(Locale.ROOT, "%d run(s) of each listing, median shown.%n%n", runs));
        md.append("| Listing | Entries | Pages | First row | All rows | Rows/s | Heap held by the rows |"
                + " Heap after GC, rows held | Runs (all rows, s) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        List<BenchResult.Figure> figures = new ArrayList<>();
        results.forEach((listing, list) -> {
            Run any = list.get(0);
            double firstRow = median(list, r -> r.firstRowNanos / 1e9);
            double total = median(list, r -> r.totalNanos / 1e9);
            double rate = median(list, Run::rowsPerSecond);
            double retained = median(list, r -> r.retainedBytes);
            double heap = median(list, r -> r.heapAfterGc);
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f s | **%.1f s** | %,.0f | %,.0f MB (%,.0f"
                            + " bytes/row) | %,.0f MB | %s |%n", listing.label, any.entries, any.pages, firstRow,
                    total, rate, retained / 1e6, retained / any.entries, heap / 1e6,
                    list.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.totalNanos / 1e9))
                            .collect(Collectors.joining(" / "))));
            figures.add(new BenchResult.Figure("Listing", String.format(Locale.ROOT, "%s, %,d entries",
                    listing.label, any.entries), String.format(Locale.ROOT, "first row %.2f s; all %.1f s;"
                            + " %,.0f rows/s; rows hold %,.0f MB (%,.0f B/row) after GC", firstRow, total, rate,
                    retained / 1e6, retained / any.entries)));
        });
        return new BenchResult("listing", md.toString(), figures, true);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
        return Stats.median(runs.stream().map(metric::applyAsDouble).toList());
    }
}
