package org.bucketsweep.model.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectLockStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;

/**
 * What only a real server enforces: MFA Delete, Object Lock retention, the 1000-key limit, answers out of order.
 * Runs against the Ceph RGW that {@code scripts/ceph-rgw.sh} starts (CI does); skipped where none is configured.
 */
@Tag("ceph")
class CephEnforcementTest {

    private static CephServer ceph;
    private static S3Connection connection;
    private static S3Client s3;
    private static TestBuckets buckets;
    private static CephMfa mfa;

    @BeforeAll
    static void connect() {
        ceph = CephServer.connect();
        connection = ceph.connection;
        s3 = ceph.s3;
        buckets = ceph.buckets;
        mfa = ceph.mfa;
    }

    @AfterAll
    static void close() {
        if (ceph != null) {
            ceph.close();
        }
    }

    @Test
    void mfaDeleteWithoutACodeFailsEveryKeyWithAMessageAboutMfa() {
        String bucket = mfaBucket();
        String v1 = buckets.put(bucket, "a.txt", "one");
        buckets.put(bucket, "a.txt", "two");
        List<ItemResult> results = new CopyOnWriteArrayList<>();

        // A job that does not know about MFA Delete sends no code: Ceph refuses with 403 and an empty body.
        new BatchDeleter(connection).run(DeleteJob.of(bucket, List.of(new VersionRef("a.txt", v1)), false),
                MfaCodeSupplier.NONE, results::addAll, new CancellationToken());

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeleteOutcome.FAILED);
            assertThat(r.errorMessage()).contains("MFA");
        });
        assertThat(buckets.versionsOf(bucket, "a.txt")).contains(v1);
    }

    @Test
    void mfaDeleteWithAFreshCodePerRequestDeletesAndARefusedCodeIsAskedForOnce() {
        String bucket = mfaBucket();
        assertThat(new BucketBrowser(connection).versioningOf(bucket).mfaDelete()).isEqualTo(MfaDeleteStatus.ENABLED);
        List<VersionRef> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "k" + i;
            items.add(new VersionRef(key, buckets.put(bucket, key, "old")));
            buckets.put(bucket, key, "new");
        }
        List<MfaRequest> asked = new ArrayList<>();
        List<ItemResult> results = new CopyOnWriteArrayList<>();

        // Two requests; the first code given is wrong, so the engine asks once more with the refusal.
        DeleteSummary summary = new BatchDeleter(connection).run(
                new DeleteJob(bucket, items, true, DeleteOptions.DEFAULTS.withBatchSize(2)),
                request -> {
                    asked.add(request);
                    return asked.size() == 1 ? "bucketsweep-mfa-1 000000" : mfa.next();
                }, results::addAll, new CancellationToken());

        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(3);
        assertThat(asked.get(1).refusal()).contains("refused");
        for (VersionRef item : items) {
            assertThat(buckets.versionsOf(bucket, item.key())).hasSize(1).doesNotContain(item.versionId());
        }
    }

    @Test
    void governanceRetentionHoldsUnlessBypassed() {
        String bucket = ceph.lockBucket();
        String version = s3.putObject(b -> b.bucket(bucket).key("held.txt")
                        .objectLockMode(ObjectLockMode.GOVERNANCE)
                        .objectLockRetainUntilDate(Instant.now().plus(1, ChronoUnit.HOURS)),
                RequestBody.fromString("held")).versionId();
        VersionRef held = new VersionRef("held.txt", version);

        List<ItemResult> refused = run(DeleteJob.of(bucket, List.of(held), false));
        List<ItemResult> bypassed = run(new DeleteJob(bucket, List.of(held), false,
                DeleteOptions.DEFAULTS.withBypassGovernanceRetention(true)));

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeleteOutcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("AccessDenied");
        });
        assertThat(bypassed).singleElement().extracting(ItemResult::outcome).isEqualTo(DeleteOutcome.DELETED);
        assertThat(new BucketBrowser(connection).objectLockOf(bucket).state())
                .isEqualTo(ObjectLockStatus.State.ENABLED);
        assertThat(buckets.versionsOf(bucket, "held.txt")).isEmpty();
    }

    @Test
    void a1001KeyJobIsNeverSentAsOneRequestAndResultsAreMatchedByKeyAndVersion() {
        String bucket = versionedBucket();
        List<VersionRef> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(VersionRef.current("missing-" + i));
        }
        for (int i = 0; i < 20; i++) {
            items.add(new VersionRef("v" + i, buckets.put(bucket, "v" + i, "x")));
        }
        List<ItemResult> results = new CopyOnWriteArrayList<>();

        DeleteSummary summary = new BatchDeleter(connection).run(DeleteJob.of(bucket, items, false),
                MfaCodeSupplier.NONE, results::addAll, new CancellationToken());

        assertThat(summary.requestsSent()).isEqualTo(3);
        assertThat(results).extracting(ItemResult::item).containsExactlyInAnyOrderElementsOf(items);
        assertThat(results).filteredOn(r -> r.item().hasVersion())
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(DeleteOutcome.DELETED));
        assertThat(results).filteredOn(r -> !r.item().hasVersion())
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(DeleteOutcome.DELETE_MARKER_CREATED));
        assertThat(buckets.currentKeys(bucket)).isEmpty();
    }

    private static List<ItemResult> run(DeleteJob job) {
        List<ItemResult> results = new CopyOnWriteArrayList<>();
        new BatchDeleter(connection).run(job, MfaCodeSupplier.NONE, results::addAll, new CancellationToken());
        return results;
    }

    private static String versionedBucket() {
        return ceph.versionedBucket();
    }

    private static String mfaBucket() {
        return ceph.mfaBucket();
    }
}
