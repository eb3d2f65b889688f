package org.bucketsweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * All benchmarks in one command (docs/benchmarks.md, "Reproduce"): each bench runs in a JVM of its own, and this
 * one prints a single summary table of their headline figures, with the machine and the date, and writes every
 * bench's section and the summary into docs/benchmarks.md.
 *
 * <p>Arguments ({@code --name=value}; empty values count as not given): {@code only} (which benches, default all:
 * delete,delete-ceph,listing,usage,ui,startup; delete-ceph needs the BUCKETSWEEP_CEPH_* variables of
 * {@code scripts/ceph-rgw.sh} and is skipped without them), {@code quick} (smaller sizes and one run each, no aws CLI: a check that all works, not
 * figures to publish), {@code out} (the Markdown file, or "-" for none), {@code jvm.BENCH} (JVM options of that
 * bench's JVM), and {@code BENCH.NAME} for each bench's own arguments (see each bench's class comment).
 */
public final class Benchmarks {

    /** The benches, in the order they run. */
    enum Part {
        DELETE("delete", "## Delete throughput", DeleteThroughput.class, DeleteThroughput.ARGS, false),
        DELETE_CEPH("delete-ceph", "## Delete throughput on Ceph RGW", CephDeleteThroughput.class,
                CephDeleteThroughput.ARGS, false),
        LISTING("listing", "## Listing", ListingThroughput.class, ListingThroughput.ARGS, true),
        USAGE("usage", "## Usage scan", UsageScanThroughput.class, UsageScanThroughput.ARGS, true),
        UI("ui", "## UI responsiveness", UiResponsiveness.class, UiResponsiveness.ARGS, true),
        STARTUP("startup", "## Start-up", StartupTime.class, StartupTime.ARGS, false);

        final String section;
        final String heading;
        final Class<?> main;
        final Set<String> args;
        /** Whether it reads the {@link ListingFixtures}. */
        final boolean readsFixtures;

        Part(String section, String heading, Class<?> main, Set<String> args, boolean readsFixtures) {
            this.section = section;
            this.heading = heading;
            this.main = main;
            this.args = args;
            this.readsFixtures = readsFixtures;
        }

        static Part named(String section) {
            return Arrays.stream(values()).filter(p -> p.section.equals(section)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown bench '" + section + "'; known: "
                            + Arrays.stream(values()).map(p -> p.section).toList()));
        }
    }

    static final String SUMMARY = "summary";
    static final String SEEDING = "seeding";

    private final BenchArgs args;
    private final boolean quick;
    private final String loadAtStart = Machine.loadAverage();

    private Benchmarks(BenchArgs args) {
        this.args = args;
        this.quick = args.flag("quick", false);
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args;
        Set<Part> parts;
        try {
            args = BenchArgs.parse(argv, knownArgs());
            parts = EnumSet.noneOf(Part.class);
            for (String name : args.list("only", "delete,delete-ceph,listing,usage,ui,startup")) {
                parts.add(Part.named(name));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        List<BenchResult> results = new Benchmarks(args).run(parts);
        System.out.printf(Locale.ROOT, "%nAll benchmarks finished in %.1f min.%n", (System.nanoTime() - t0) / 60e9);
        System.exit(results.stream().allMatch(BenchResult::ok) ? 0 : 1);
    }

    private static Set<String> knownArgs() {
        Set<String> known = new HashSet<>(Set.of("only", "quick", "out"));
        known.addAll(BenchArgs.prefixed("fixture", ListingFixtures.ARGS));
        for (Part part : Part.values()) {
            known.addAll(BenchArgs.prefixed(part.section, part.args));
            known.add("jvm." + part.section);
        }
        return known;
    }

    private List<BenchResult> run(Set<Part> parts) throws Exception {
        List<BenchResult> results = new ArrayList<>();
        try (TestData testData = new TestData()) {
            for (Part part : parts) {
                List<String> extraArgs = new ArrayList<>();
                if (part.readsFixtures) {
                    testData.seedOnce(args, quick).ifPresent(results::add);
                    extraArgs.add("--fixtures=" + testData.file);
                } else {
                    // The benches after the last reader of the test data get the memory and the cores back.
                    testData.stopServer();
                }
                System.out.printf(Locale.ROOT, "%n==> %s%n", part.heading.replace("#", "").strip());
                if (part == Part.STARTUP && System.getenv("DISPLAY") == null) {
                    results.add(onVirtualDisplay(part));
                } else {
                    results.add(runInItsOwnJvm(part, List.of(), extraArgs));
                }
            }
        }
        publish(results);
        return results;
    }

    /** Prints the summary and rewrites the document's generated parts. */
    private void publish(List<BenchResult> results) throws IOException {
        String summary = summary(results);
        System.out.println();
        System.out.println(summary);
        String out = args.string("out", "-");
        if (!"-".equals(out)) {
            Path doc = Path.of(out);
            BenchDoc.write(doc, SUMMARY, "## Summary", summary + BenchDoc.earlierRows(doc, SUMMARY, results));
            for (BenchResult result : results) {
                BenchDoc.write(doc, result.section(), headingOf(result.section()), result.markdown());
            }
            System.out.println("Written to " + doc.toAbsolutePath().normalize());
        }
    }

    /** The local-s3 in this JVM that holds the {@link ListingFixtures}, seeded when the first bench needs it. */
    private static final class TestData implements AutoCloseable {
        private final Path file;
        private LocalS3Server server;

        TestData() throws IOException {
            file = Files.createTempFile("bucketsweep-bench-fixtures-", ".json");
        }

        /** Seeds the buckets the first time; the seeding's result for the document, or empty when already done. */
        Optional<BenchResult> seedOnce(BenchArgs args, boolean quick) throws Exception {
            if (server != null) {
                return Optional.empty();
            }
            System.out.printf(Locale.ROOT, "%n==> Test data for the listing and UI benches%n");
            server = LocalS3Server.start();
            ListingFixtures seeded = ListingFixtures.seed(server.endpoint(), args, quick);
            seeded.writeTo(file);
            return Optional.of(seeded.result());
        }

        void stopServer() {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        @Override
        public void close() throws IOException {
            stopServer();
            Files.deleteIfExists(file);
        }
    }

    /** The app needs a display: without one, the bench runs under Xvfb (package xvfb). */
    private BenchResult onVirtualDisplay(Part part) throws Exception {
        boolean xvfb = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "xvfb-run")));
        if (!xvfb) {
            return BenchResult.failed(part.section, "no DISPLAY and no xvfb-run (apt-get install -y xvfb)");
        }
        return runInItsOwnJvm(part, List.of("xvfb-run", "--auto-servernum", "--server-args=-screen 0 1920x1200x24"),
                List.of());
    }

    private static String headingOf(String section) {
        return SEEDING.equals(section) ? "### Test data" : Part.named(section).heading;
    }

    private BenchResult runInItsOwnJvm(Part part, List<String> launcher, List<String> extraArgs) throws Exception {
        List<String> childArgs = new ArrayList<>(args.under(part.section));
        childArgs.addAll(extraArgs);
        if (quick) {
            childArgs.add("--quick=true");
        }
        return ChildJvm.run(part.section, launcher, args.string("jvm." + part.section, ""), part.main, childArgs);
    }

    private String summary(List<BenchResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(Machine.describe()).append("  \n");
        md.append(String.format(Locale.ROOT, "Date: %s; load average %s at the start, %s at the end; %s.%n%n",
                Machine.now(), loadAtStart, Machine.loadAverage(), quick
                        ? "**quick run** (smaller sizes, one run each: a check, not figures to compare)"
                        : "full run"));
        md.append("| Benchmark | Measure | Result |\n|---|---|---|\n");
        for (BenchResult result : results) {
            for (BenchResult.Figure f : result.figures()) {
                md.append("| ").append(f.benchmark()).append(" | ").append(f.measure()).append(" | ")
                        .append(f.value()).append(" |\n");
            }
        }
        return md.toString();
    }
}
