package org.bucketsweep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javafx.application.Platform;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.ui.concurrent.FxTaskRunner;

/**
 * Whether the window stays responsive while big results stream into it: the longest time between two JavaFX pulses
 * (a frozen window for that long), the 99th percentile, and how many gaps were longer than 50 ms, while
 * <ul>
 *   <li>a delete job's results stream into the real results view ({@link ResultsStreaming}),</li>
 *   <li>a listing of the suite's 1,000,000 versions and delete markers streams into the real object browser in its
 *       all-depths, show-versions mode ({@link BrowserStreaming}), and</li>
 *   <li>the same listing, once complete, is sorted by size, largest first, by a click on the column header, then
 *       filtered to one folder of a hundred by a text pasted into the filter field, and the filter cleared,</li>
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
    /** Keys of one folder of the hundred the seeder makes: the filter leaves 1 % of the rows. */
    private static final String FILTER_TEXT = "data/007/";

    private final FxTaskRunner tasks;
    private final ConfirmingDialogs dialogs = new ConfirmingDialogs();
    private final S3Connection connection;
    private final ListingFixtures fixtures;
    private final Path journals;
    private final PulseReport report;

    private UiResponsiveness(FxTaskRunner tasks, S3Connection connection, ListingFixtures fixtures, Path journals,
                             int runs) {
        this.tasks = tasks;
        this.connection = connection;
        this.fixtures = fixtures;
        this.journals = journals;
        this.report = new PulseReport(runs);
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
        try (FxTaskRunner tasks = new FxTaskRunner();
             S3Connection connection = LocalS3Server.connectTo(fixtures.endpoint())) {
            UiResponsiveness bench = new UiResponsiveness(tasks, connection, fixtures, journals, runs);
            for (int round = 1; round <= runs; round++) {
                bench.round(round, resultRows, idleMillis);
            }
            return bench.report.result();
        } finally {
            try (Stream<Path> files = Files.walk(journals)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            Platform.exit();
        }
    }

    /** One run of every scenario, each in a new window. */
    private void round(int round, int resultRows, int idleMillis) throws Exception {
        try (ResultsStreaming results = new ResultsStreaming(tasks, dialogs, connection, fixtures.endpoint(),
                journals, resultRows)) {
            results.open();
            long before = HeapGauge.usedAfterGc();
            report.add(round, String.format(Locale.ROOT, "Idle window, %.1f s, nothing streaming (the machine's own"
                    + " jitter)", idleMillis / 1e3), 0, results.idle(idleMillis), 0);
            PulseRecorder.PulseGaps gaps = results.runOnce(round);
            report.add(round, results.label(), results.rows(), gaps, HeapGauge.usedAfterGc() - before);
        }
        BrowserStreaming versioned = new BrowserStreaming(tasks, dialogs, connection, fixtures.versioned(), true,
                false);
        for (BrowserStreaming browser : List.of(versioned,
                new BrowserStreaming(tasks, dialogs, connection, fixtures.flat(), false, true))) {
            try (browser) {
                browser.open();
                long before = HeapGauge.usedAfterGc();
                PulseRecorder.PulseGaps gaps = browser.runOnce();
                report.add(round, browser.label(), browser.rows(), gaps, HeapGauge.usedAfterGc() - before);
                if (browser == versioned) {
                    report.add(round, browser.sortLabel(), browser.rows(), browser.sortBySize(), 0);
                    for (String text : List.of(FILTER_TEXT, "")) {
                        report.add(round, browser.filterLabel(text), browser.rows(), browser.filterBy(text), 0);
                    }
                }
            }
        }
    }
}
