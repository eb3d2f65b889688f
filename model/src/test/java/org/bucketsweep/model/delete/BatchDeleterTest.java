package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delete engine against a real S3 server (S3Proxy), checking the server's state after each delete. */
class BatchDeleterTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;
    private BatchDeleter deleter;
    private final List<ItemResult> streamed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        deleter = new BatchDeleter(connection);
    }

    @Test
    void everyOutcomeKindOnAVersionedBucket() {
        buckets.versionedBucket("vers");
        String a1 = buckets.put("vers", "a.txt", "a one");
        String a2 = buckets.put("vers", "a.txt", "a two");
        buckets.put("vers", "keep.txt", "k");
        buckets.put("vers", "gone.txt", "g");
        String marker = buckets.addDeleteMarker("vers", "gone.txt");

        DeleteSummary summary = run(DeleteJob.of("vers", List.of(
                new VersionRef("a.txt", a1),
                VersionRef.current("keep.txt"),
                new VersionRef("gone.txt", marker)), false));

        assertThat(streamed).extracting(ItemResult::key, ItemResult::outcome)
                .containsExactlyInAnyOrder(
                        tuple("a.txt", DeleteOutcome.DELETED),
                        tuple("keep.txt", DeleteOutcome.DELETE_MARKER_CREATED),
                        tuple("gone.txt", DeleteOutcome.DELETE_MARKER_REMOVED));
        ItemResult markerCreated = result("keep.txt");
        assertThat(markerCreated.deleteMarkerVersionId()).isNotBlank();
        assertThat(buckets.markersOf("vers", "keep.txt")).containsExactly(markerCreated.deleteMarkerVersionId());
        assertThat(result("gone.txt").deleteMarkerVersionId()).isEqualTo(marker);
        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(1);
        // Keys without a version and versions travel in separate requests (only the latter may need MFA).
        assertThat(summary.requestsSent()).isEqualTo(2);

        // The server's state: a1 gone, a2 kept; keep.txt hidden behind a marker; gone.txt visible again.
        assertThat(buckets.versionsOf("vers", "a.txt")).containsExactly(a2);
        assertThat(buckets.currentKeys("vers")).containsExactlyInAnyOrder("a.txt", "gone.txt");
        assertThat(buckets.markersOf("vers", "gone.txt")).isEmpty();
    }

    @Test
    void aKeyOnAnUnversionedBucketIsDeletedForGood() {
        buckets.plainBucket("plain");
        buckets.put("plain", "x.txt", "x");
        buckets.put("plain", "y.txt", "y");

        run(DeleteJob.of("plain", List.of(VersionRef.current("x.txt")), false));

        assertThat(streamed).extracting(ItemResult::outcome).containsExactly(DeleteOutcome.DELETED);
        assertThat(streamed.get(0).deleteMarkerVersionId()).isNull();
        assertThat(buckets.currentKeys("plain")).containsExactly("y.txt");
    }

    @Test
    void twoThousandFiveHundredKeysGoInThreeRequestsAndEachIsAccountedForOnce() {
        buckets.plainBucket("many");
        List<VersionRef> items = new ArrayList<>();
        IntStream.range(0, 2500).forEach(i -> items.add(VersionRef.current(String.format("k/%05d", i))));
        // Nothing needs to exist: S3 reports a missing key as deleted.
        buckets.put("many", "k/00000", "first");
        buckets.put("many", "k/02499", "last");
        List<Integer> requestSizes = new ArrayList<>();

        DeleteSummary summary = deleter.run(DeleteJob.of("many", items, false), MfaCodeSupplier.NONE,
                results -> {
                    requestSizes.add(results.size());
                    streamed.addAll(results);
                }, new CancellationToken());

        assertThat(summary.requestsSent()).isEqualTo(3);
        assertThat(requestSizes).containsExactlyInAnyOrder(1000, 1000, 500);
        assertThat(streamed).extracting(ItemResult::item).containsExactlyInAnyOrderElementsOf(items);
        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(2500);
        assertThat(buckets.currentKeys("many")).isEmpty();
    }

    @Test
    void aPerItemErrorFailsOnlyThatItem() {
        // S3Proxy answers a delete in a missing bucket with per-item NoSuchBucket errors and HTTP 200.
        run(DeleteJob.of("no-such-bucket", List.of(VersionRef.current("a"), VersionRef.current("vers")), false));

        assertThat(streamed).extracting(ItemResult::outcome, ItemResult::errorCode)
                .containsOnly(tuple(DeleteOutcome.FAILED, "NoSuchBucket"));
        assertThat(streamed).hasSize(2);
    }

    @Test
    void cancellingBetweenRequestsLeavesTheRestNotAttempted() {
        buckets.plainBucket("cancel");
        List<VersionRef> items = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> {
            String key = "c" + i;
            buckets.put("cancel", key, "x");
            items.add(VersionRef.current(key));
        });
        CancellationToken cancel = new CancellationToken();

        DeleteSummary summary = deleter.run(new DeleteJob("cancel", items, false, DeleteOptions.DEFAULTS.withBatchSize(10).withConcurrency(1)), MfaCodeSupplier.NONE,
                results -> {
                    streamed.addAll(results);
                    cancel.cancel();
                }, cancel);

        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(10);
        assertThat(summary.count(DeleteOutcome.NOT_ATTEMPTED)).isEqualTo(15);
        assertThat(summary.total()).isEqualTo(25);
        assertThat(buckets.currentKeys("cancel")).hasSize(15);
    }

    @Test
    void declinedMfaCodeSendsNothing() {
        buckets.versionedBucket("mfa-bucket");
        String v1 = buckets.put("mfa-bucket", "secret.txt", "s");

        DeleteSummary summary = deleter.run(DeleteJob.of("mfa-bucket", List.of(new VersionRef("secret.txt", v1)), true),
                request -> {
                    throw new MfaCancelledException("cancelled");
                }, streamed::addAll, new CancellationToken());

        assertThat(summary.requestsSent()).isZero();
        assertThat(streamed).extracting(ItemResult::outcome).containsExactly(DeleteOutcome.NOT_ATTEMPTED);
        assertThat(buckets.versionsOf("mfa-bucket", "secret.txt")).containsExactly(v1);
    }

    @Test
    void theSameItemTwiceIsDeletedAndReportedOnce() {
        buckets.plainBucket("dups");
        buckets.put("dups", "dup", "x");

        DeleteSummary summary = run(DeleteJob.of("dups",
                List.of(VersionRef.current("dup"), VersionRef.current("dup")), false));

        assertThat(summary.total()).isEqualTo(1);
        assertThat(streamed).hasSize(1);
    }

    private ItemResult result(String key) {
        return streamed.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private DeleteSummary run(DeleteJob job) {
        return deleter.run(job, MfaCodeSupplier.NONE, streamed::addAll, new CancellationToken());
    }
}
