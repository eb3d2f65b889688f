package org.bucketsweep.model.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.testing.TestBuckets;

/**
 * Keys that break naive code, through the same calls the window makes: each is found by walking the folders from
 * the top (as a person clicks through them), listed with its versions, and deleted by the references the listing
 * gave; then the server holds nothing. Shared by the tests against each server.
 */
final class OddKeysRoundTrip {

    /** A 1,024-byte key, S3's longest: 512 two-byte characters under no folder. */
    static final String LONGEST_KEY = "ü".repeat(512);
    /** Keys that both S3Proxy and Ceph store as versioned objects. */
    static final List<String> VERSIONED_EVERYWHERE = List.of("with space.txt", "plus+sign.txt", "percent%20.txt",
            "&<>\"'.txt", "ü/é.txt", "tab\there.txt", "dir/ key with space/+/%41.txt");

    private static final Comparator<String> UTF8_ORDER =
            Comparator.comparing((String k) -> k.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private final S3Connection connection;
    private final BucketBrowser browser;
    private final TestBuckets buckets;

    OddKeysRoundTrip(S3Connection connection) {
        this.connection = connection;
        this.browser = new BucketBrowser(connection);
        this.buckets = new TestBuckets(connection.client());
    }

    void run(String bucket, List<String> keys) {
        assertThat(LONGEST_KEY.getBytes(StandardCharsets.UTF_8)).hasSize(1_024);
        buckets.versionedBucket(bucket);
        for (String key : keys) {
            buckets.put(bucket, key, "one");
            buckets.put(bucket, key, "two");
        }

        for (String key : keys) {
            assertThat(findByWalkingFolders(bucket, key)).as("walking to %s", key).hasSize(2)
                    .allSatisfy(v -> assertThat(v.key()).isEqualTo(key));
        }

        List<ObjectVersion> all = new ArrayList<>();
        browser.listAllVersions(bucket, "", page -> page.entries().forEach(e -> all.add((ObjectVersion) e)),
                new CancellationToken());
        List<String> expectedKeys = keys.stream().sorted(UTF8_ORDER).flatMap(k -> List.of(k, k).stream()).toList();
        assertThat(all).extracting(ObjectVersion::key).containsExactlyElementsOf(expectedKeys);
        KeyHistories grouping = new KeyHistories();
        assertThat(grouping.add(new ListingPage(List.copyOf(all), true)).rows())
                .filteredOn(KeyHistory.class::isInstance).map(KeyHistory.class::cast)
                .allSatisfy(k -> assertThat(k.total()).isEqualTo(2)).hasSize(keys.size());

        List<ItemResult> results = new ArrayList<>();
        new BatchDeleter(connection).run(
                DeleteJob.of(bucket, all.stream().map(ObjectVersion::ref).toList(), false),
                MfaCodeSupplier.NONE, results::addAll, new CancellationToken());
        assertThat(results).extracting(ItemResult::outcome).containsOnly(DeleteOutcome.DELETED).hasSize(all.size());
        assertThat(results).extracting(ItemResult::item)
                .containsExactlyInAnyOrderElementsOf(all.stream().map(ObjectVersion::ref).toList());

        List<ListingEntry> left = new ArrayList<>();
        browser.listAllVersions(bucket, "", page -> left.addAll(page.entries()), new CancellationToken());
        assertThat(left).isEmpty();
    }

    /** Goes down from the top one folder at a time, as the breadcrumb does, and lists the key's level. */
    List<ObjectVersion> findByWalkingFolders(String bucket, String key) {
        String level = "";
        while (true) {
            List<ListingEntry> entries = new ArrayList<>();
            browser.listLevel(bucket, level, true, page -> entries.addAll(page.entries()), new CancellationToken());
            List<ObjectVersion> versions = entries.stream().filter(e -> e instanceof ObjectVersion v
                    && v.key().equals(key)).map(ObjectVersion.class::cast).toList();
            if (!versions.isEmpty()) {
                return versions;
            }
            String current = level;
            String next = entries.stream().filter(e -> e instanceof CommonPrefix p && key.startsWith(p.key())
                    && p.key().length() > current.length()).map(ListingEntry::key).findFirst().orElse(null);
            assertThat(next).as("a folder on the way to %s under '%s' in %s", key, level, entries).isNotNull();
            level = next;
        }
    }
}
