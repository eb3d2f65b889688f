package org.bucketsweep.model.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listings that take several pages (S3 answers at most 1,000 entries a page): every version and every key comes
 * exactly once and in S3's order, also where a page ends in the middle of a key's versions.
 */
class ListingPaginationTest {

    /** S3 orders keys by their UTF-8 bytes, not by Java's UTF-16 compareTo. */
    private static final Comparator<String> UTF8_ORDER =
            Comparator.comparing((String k) -> k.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;
    private BucketBrowser browser;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        browser = new BucketBrowser(connection);
    }

    @Test
    void twoThousandFiveHundredVersionsOverKeysComeOnceEachInS3Order() throws Exception {
        buckets.versionedBucket("history");
        // 3 to 7 entries a key, so page ends fall inside keys; some keys have a noncurrent marker, some end deleted.
        Map<String, List<Entry>> byKey = new TreeMap<>(UTF8_ORDER);
        int total = 0;
        for (int k = 0; total < 2_500; k++) {
            String key = (k % 10 == 3 ? "é-" : "key-") + String.format("%04d", k);
            int count = Math.min(3 + k % 5, 2_500 - total);
            List<Entry> plan = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                boolean marker = (k % 3 == 1 && j == 1) || (k % 4 == 2 && j == count - 1 && count > 1);
                plan.add(new Entry(key, null, marker));
            }
            byKey.put(key, plan);
            total += count;
        }
        List<Entry> expected = seed("history", byKey);
        assertThat(expected).hasSize(2_500);

        List<ListingPage> pages = new ArrayList<>();
        browser.listAllVersions("history", "", pages::add, new CancellationToken());

        List<Entry> listed = pages.stream().flatMap(p -> p.entries().stream()).map(ObjectVersion.class::cast)
                .map(v -> new Entry(v.key(), v.versionId(), v.deleteMarker())).toList();
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pages.subList(0, pages.size() - 1)).noneMatch(ListingPage::last);
        assertThat(pages.get(pages.size() - 1).last()).isTrue();

        // Grouped by key: one row per key with its full counts, never revised (keys shorter than a page are held
        // back at a page end until the next page), adding up to the same 2,500.
        KeyHistories histories = new KeyHistories();
        List<KeyHistory> rows = new ArrayList<>();
        int revisions = 0;
        for (ListingPage page : pages) {
            KeyHistories.GroupedPage grouped = histories.add(page);
            if (grouped.revised() != null) {
                revisions++;
                rows.set(rows.size() - 1, grouped.revised());
            }
            grouped.rows().stream().filter(KeyHistory.class::isInstance).map(KeyHistory.class::cast)
                    .forEach(rows::add);
        }
        assertThat(revisions).isZero();
        assertThat(pages.get(0).entries().get(pages.get(0).entries().size() - 1).key())
                .as("a page end inside a key").isEqualTo(pages.get(1).entries().get(0).key());
        assertThat(rows).extracting(KeyHistory::key).containsExactlyElementsOf(byKey.keySet());
        assertThat(rows.stream().mapToInt(KeyHistory::total).sum()).isEqualTo(2_500);
        assertThat(rows).allSatisfy(row -> assertThat(row.total()).isEqualTo(byKey.get(row.key()).size()));
    }

    @Test
    void moreThanAThousandKeysUnderOnePrefixComeOnceEachInS3Order() throws Exception {
        buckets.versionedBucket("wide");
        Map<String, List<Entry>> byKey = new TreeMap<>(UTF8_ORDER);
        for (int i = 0; i < 1_050; i++) {
            byKey.put("logs/" + String.format("%05d", i) + ".log", List.of(new Entry(null, null, false)));
        }
        for (String other : List.of("logs/archive/1.log", "logs/archive/2.log", "logs/zz/deep/x", "other.txt")) {
            byKey.put(other, List.of(new Entry(null, null, false)));
        }
        seed("wide", byKey);
        List<String> levelKeys = byKey.keySet().stream()
                .filter(k -> k.startsWith("logs/") && k.indexOf('/', 5) < 0).toList();
        assertThat(levelKeys).hasSize(1_050);

        List<ListingPage> currentPages = new ArrayList<>();
        browser.listLevel("wide", "logs/", false, currentPages::add, new CancellationToken());
        List<ListingPage> versionPages = new ArrayList<>();
        browser.listLevel("wide", "logs/", true, versionPages::add, new CancellationToken());
        List<ListingPage> allDepths = new ArrayList<>();
        browser.listAllCurrent("wide", "logs/", allDepths::add, new CancellationToken());

        for (List<ListingPage> pages : List.of(currentPages, versionPages)) {
            assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
            List<ListingEntry> entries = pages.stream().flatMap(p -> p.entries().stream()).toList();
            assertThat(entries).filteredOn(ObjectVersion.class::isInstance).extracting(ListingEntry::key)
                    .containsExactlyElementsOf(levelKeys);
            assertThat(entries).filteredOn(CommonPrefix.class::isInstance).extracting(ListingEntry::key)
                    .containsExactlyInAnyOrder("logs/archive/", "logs/zz/");
        }
        assertThat(allDepths.stream().flatMap(p -> p.entries().stream())).extracting(ListingEntry::key)
                .containsExactlyElementsOf(byKey.keySet().stream().filter(k -> k.startsWith("logs/")).toList());
    }

    @Test
    void cancellingStopsBeforeTheNextPage() throws Exception {
        buckets.plainBucket("big");
        Map<String, List<Entry>> byKey = new TreeMap<>(UTF8_ORDER);
        for (int i = 0; i < 1_001; i++) {
            byKey.put(String.format("k%05d", i), List.of(new Entry(null, null, false)));
        }
        seed("big", byKey);
        CancellationToken cancel = new CancellationToken();
        List<ListingPage> pages = new ArrayList<>();

        browser.listAllCurrent("big", "", page -> {
            pages.add(page);
            cancel.cancel();
        }, cancel);

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).entries()).hasSize(1_000);
    }

    /**
     * Writes the planned entries of each key in order (on a few threads, one key per thread at a time) and returns
     * them as S3 must list them: keys in UTF-8 order, each key's newest entry first, with their version ids.
     */
    private List<Entry> seed(String bucket, Map<String, List<Entry>> byKey) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entry>>> written = new ArrayList<>();
            byKey.forEach((key, plan) -> written.add(pool.submit(() -> {
                List<Entry> newestFirst = new ArrayList<>();
                for (Entry e : plan) {
                    String id = e.deleteMarker() ? buckets.addDeleteMarker(bucket, key)
                            : buckets.put(bucket, key, "body of " + key);
                    newestFirst.add(new Entry(key, id, e.deleteMarker()));
                }
                Collections.reverse(newestFirst);
                return newestFirst;
            })));
            List<Entry> all = new ArrayList<>();
            for (Future<List<Entry>> f : written) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private record Entry(String key, String versionId, boolean deleteMarker) {
    }
}
