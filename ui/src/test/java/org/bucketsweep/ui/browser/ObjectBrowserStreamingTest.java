package org.bucketsweep.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The listing as the screen sees it between pages: the listing runs in the background against a real server
 * behind a proxy that holds the second page back until the test lets it through, and the test plays the UI thread.
 * Pages are 10 entries here, so that a few objects make several pages.
 */
class ObjectBrowserStreamingTest {

    private static final int PAGE = 10;

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final QueuedUiTaskRunner tasks = new QueuedUiTaskRunner();
    private final ObjectBrowserViewModel model = new ObjectBrowserViewModel(tasks, new FakeDialogs());
    private final CountDownLatch secondPageAsked = new CountDownLatch(1);
    private final CountDownLatch secondPageMayGo = new CountDownLatch(1);
    private ProxiedConnection wire;
    private TestBuckets buckets;

    @BeforeEach
    void connect() throws Exception {
        wire = ProxiedConnection.to(server.getUri());
        buckets = wire.buckets();
        buckets.versionedBucket("stream");
        wire.proxy().setPolicy(this::holdTheSecondPage);
        model.connect(new BucketBrowser(wire.connection(), PAGE));
    }

    @AfterEach
    void close() {
        secondPageMayGo.countDown();
        tasks.close();
        wire.close();
    }

    @Test
    void theFirstPageShowsWhileTheNextIsStillComing() throws Exception {
        for (int i = 0; i < 25; i++) {
            buckets.put("stream", String.format("k%02d", i), "x");
        }
        open();

        tasks.runUiUntil(() -> model.rows().size() == PAGE);
        assertThat(secondPageAsked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("10 rows loaded…");
        assertThat(model.visibleRows()).extracting(ListingEntry::key).startsWith("k00").endsWith("k09");

        secondPageMayGo.countDown();
        tasks.runUiUntil(() -> !model.loadingProperty().get());
        assertThat(model.rows()).hasSize(25);
        assertThat(model.statusProperty().get()).isEqualTo("0 folders, 25 objects");
    }

    @Test
    void cancelKeepsTheRowsLoadedAndListsNoFurther() throws Exception {
        for (int i = 0; i < 25; i++) {
            buckets.put("stream", String.format("k%02d", i), "x");
        }
        open();
        tasks.runUiUntil(() -> model.rows().size() == PAGE);
        assertThat(secondPageAsked.await(30, TimeUnit.SECONDS)).isTrue();

        model.cancelListing();
        assertThat(model.loadingProperty().get()).isFalse();
        secondPageMayGo.countDown();
        tasks.runUiUntilIdle();

        assertThat(model.rows()).hasSize(PAGE);
        assertThat(model.statusProperty().get())
                .isEqualTo("Stopped after 10 rows (F5 lists again): 0 folders, 10 objects");
        // The page in flight was the last one asked for: 2 of the 3 pages.
        assertThat(listRequests()).hasSize(2);

        model.refresh();
        tasks.runUiUntil(() -> !model.loadingProperty().get());
        assertThat(model.rows()).hasSize(25);
    }

    @Test
    void aKeyWhoseVersionsGoOnInTheNextPageShowsOnceWithItsFullCounts() throws Exception {
        for (int i = 0; i < 4; i++) {
            buckets.put("stream", "a.txt", "a" + i);
        }
        for (int i = 0; i < 12; i++) {
            buckets.put("stream", "b.txt", "bb" + i);
        }
        buckets.addDeleteMarker("stream", "b.txt");
        buckets.put("stream", "c.txt", "c");
        model.showVersionsProperty().set(true);
        open();

        // Page 1 holds a.txt's 4 versions and 6 of b.txt's 13 entries: b.txt waits for the rest.
        tasks.runUiUntil(() -> model.rows().size() == 5);
        assertThat(secondPageAsked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(model.rows()).filteredOn(KeyHistory.class::isInstance).extracting(ListingEntry::key)
                .containsExactly("a.txt");

        secondPageMayGo.countDown();
        tasks.runUiUntil(() -> !model.loadingProperty().get());
        assertThat(model.rows()).filteredOn(KeyHistory.class::isInstance).extracting(ListingEntry::key)
                .containsExactly("a.txt", "b.txt", "c.txt");
        KeyHistory b = keyRow("b.txt");
        assertThat(b.deleted()).isTrue();
        assertThat(b.noncurrent()).isEqualTo(12);
        assertThat(b.deleteMarkers()).isEqualTo(1);
        // "bb0" … "bb9" are 3 bytes, "bb10" and "bb11" 4.
        assertThat(b.noncurrentBytes()).isEqualTo(10 * 3 + 2 * 4);
        assertThat(model.rows().indexOf(b)).isEqualTo(5);
        assertThat(model.rows()).hasSize(3 + 4 + 13 + 1);
        assertThat(model.statusProperty().get())
                .isEqualTo("0 folders, 3 keys (1 deleted), 17 versions, 1 delete marker");
    }

    @Test
    void aKeyThatFillsPagesShowsAtOnceAndItsRowIsRevisedInPlace() throws Exception {
        for (int i = 0; i < 25; i++) {
            buckets.put("stream", "g.txt", "g" + i);
        }
        model.showVersionsProperty().set(true);
        open();

        tasks.runUiUntil(() -> model.rows().size() == 1 + PAGE);
        assertThat(secondPageAsked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keyRow("g.txt").total()).isEqualTo(PAGE);
        ListingEntry tenth = model.rows().get(PAGE);
        // What the view does: the table's selection follows selectionToRestore, and the model's follows the table.
        model.selectionToRestoreProperty().addListener((obs, was, now) -> model.selection().setAll(now));
        model.selection().setAll(List.of(keyRow("g.txt"), tenth));

        secondPageMayGo.countDown();
        tasks.runUiUntil(() -> !model.loadingProperty().get());

        assertThat(model.rows()).hasSize(26);
        assertThat(model.rows().get(0)).isInstanceOfSatisfying(KeyHistory.class, g -> {
            assertThat(g.total()).isEqualTo(25);
            assertThat(g.noncurrentBytes()).isEqualTo(10 * 2 + 14 * 3);
        });
        assertThat(model.rows()).filteredOn(KeyHistory.class::isInstance).hasSize(1);
        // The table drops its selection when a row is replaced: the view is told to select the same rows again.
        assertThat(model.selection()).containsExactly(model.rows().get(0), tenth);
    }

    @Test
    void theNamePrefixIsSentToS3AndClearedByTheNextFolder() throws Exception {
        secondPageMayGo.countDown();
        buckets.put("stream", "docs/report-2024.pdf", "1");
        buckets.put("stream", "docs/report-2025.pdf", "2");
        buckets.put("stream", "docs/readme.md", "3");
        buckets.put("stream", "docs/reports/q1.csv", "4");
        open();
        tasks.runUiUntilIdle();
        model.navigateTo("docs/");
        tasks.runUiUntilIdle();
        wire.proxy().clear();

        model.namePrefixProperty().set("report");
        tasks.runUiUntilIdle();

        assertThat(model.rows()).extracting(ListingEntry::key)
                .containsExactly("docs/reports/", "docs/report-2024.pdf", "docs/report-2025.pdf");
        assertThat(listRequests()).singleElement().satisfies(r ->
                assertThat(queryParameter(r, "prefix")).isEqualTo("docs/report"));

        model.namePrefixProperty().set("nothing");
        tasks.runUiUntilIdle();
        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("No key here starts with “nothing”.");

        model.navigateTo("docs/reports/");
        tasks.runUiUntilIdle();
        assertThat(model.namePrefixProperty().get()).isEmpty();
        assertThat(model.rows()).extracting(ListingEntry::key).containsExactly("docs/reports/q1.csv");
    }

    private void open() {
        model.open(new BucketSummary("stream", null,
                new BucketVersioning(VersioningStatus.ENABLED, MfaDeleteStatus.DISABLED)));
    }

    private KeyHistory keyRow(String key) {
        return model.rows().stream().filter(r -> r instanceof KeyHistory k && k.key().equals(key))
                .map(KeyHistory.class::cast).findFirst().orElseThrow();
    }

    /** Holds back the first request for a page after the first, until the test releases it. */
    private Fault holdTheSecondPage(RecordedRequest request) {
        boolean nextPage = request.hasQueryParameter("continuation-token") || request.hasQueryParameter("key-marker");
        if (nextPage && secondPageAsked.getCount() > 0) {
            secondPageAsked.countDown();
            try {
                secondPageMayGo.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Fault.pass();
    }

    private List<RecordedRequest> listRequests() {
        return wire.proxy().requests().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/stream") && (r.hasQueryParameter("list-type") || r.hasQueryParameter("versions")))
                .toList();
    }

    private static String queryParameter(RecordedRequest request, String name) {
        String query = request.target().substring(request.target().indexOf('?') + 1);
        return Arrays.stream(query.split("&")).map(p -> p.split("=", 2)).filter(p -> p[0].equals(name))
                .map(p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)).findFirst()
                .orElse(null);
    }
}
