package org.bucketsweep.model.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.bucket.BucketRemoval;
import org.bucketsweep.model.bucket.BucketRemover;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.plan.DeleteIntent;
import org.bucketsweep.model.plan.DeletePlan;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.plan.Scope;
import org.bucketsweep.model.uploads.AbortOutcome;
import org.bucketsweep.model.uploads.AbortResult;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.model.uploads.UploadAborter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;

/**
 * Incomplete uploads and "empty and delete a bucket" where a real server enforces MFA Delete and Object Lock: the
 * same steps the window and {@code delete-bucket} take (plan every version, delete them, then the bucket).
 */
@Tag("ceph")
class CephBucketRemovalTest {

    private static CephServer ceph;

    @BeforeAll
    static void connect() {
        ceph = CephServer.connect();
    }

    @AfterAll
    static void close() {
        if (ceph != null) {
            ceph.close();
        }
    }

    @Test
    void uploadsAreListedWithTheirPartsAndAborted() {
        String bucket = ceph.versionedBucket();
        String id = startUpload(bucket, "backups/db.dump", 5 * 1024 * 1024, 1024);
        MultipartUploads uploads = new MultipartUploads(ceph.connection);

        List<MultipartUpload> listed = uploads.listAll(bucket, "backups/", new CancellationToken());
        List<AbortResult> aborted = new UploadAborter(uploads).abort(bucket, listed, r -> { },
                new CancellationToken());

        assertThat(listed).singleElement().satisfies(u -> {
            assertThat(u.uploadId()).isEqualTo(id);
            assertThat(u.parts().count()).isEqualTo(2);
            assertThat(u.bytes()).isEqualTo(5 * 1024 * 1024 + 1024);
        });
        assertThat(aborted).extracting(AbortResult::outcome).containsExactly(AbortOutcome.ABORTED);
        assertThat(uploads.listAll(bucket, "", new CancellationToken())).isEmpty();
    }

    @Test
    void anMfaDeleteBucketIsEmptiedWithCodesAndDeleted() {
        String bucket = ceph.mfaBucket();
        ceph.buckets.put(bucket, "a.txt", "one");
        ceph.buckets.put(bucket, "a.txt", "two");
        ceph.buckets.addDeleteMarker(bucket, "b.txt");
        startUpload(bucket, "c.bin", 100);

        DeleteSummary summary = deleteEverything(bucket, true, request -> ceph.mfa.next());
        BucketRemoval removal = new BucketRemover(ceph.connection).removeEmptied(bucket, new CancellationToken());

        assertThat(summary.allSucceeded()).isTrue();
        assertThat(removal.deleted()).as(removal.reason()).isTrue();
        assertThat(removal.aborted()).extracting(AbortResult::outcome).containsExactly(AbortOutcome.ABORTED);
        assertThat(ceph.s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(bucket));
    }

    @Test
    void aVersionUnderRetentionFailsItsDeleteAndTheBucketStaysWithItNamed() {
        String bucket = ceph.lockBucket();
        ceph.s3.putObject(b -> b.bucket(bucket).key("held.txt").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(Instant.now().plus(1, ChronoUnit.HOURS)), RequestBody.fromString("x"));
        ceph.buckets.put(bucket, "free.txt", "y");

        DeleteSummary summary = deleteEverything(bucket, false, MfaCodeSupplier.NONE);
        BucketRemoval removal = new BucketRemover(ceph.connection).removeEmptied(bucket, new CancellationToken());

        assertThat(summary.count(DeleteOutcome.FAILED)).isEqualTo(1);
        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(1);
        assertThat(removal.deleted()).isFalse();
        assertThat(removal.leftKeys()).containsExactly("held.txt");
        assertThat(ceph.buckets.versionsOf(bucket, "held.txt")).hasSize(1);
        assertThat(ceph.s3.listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket));
    }

    private static DeleteSummary deleteEverything(String bucket, boolean mfa, MfaCodeSupplier codes) {
        BucketBrowser browser = new BucketBrowser(ceph.connection);
        DeletePlan plan = new DeletePlanner(browser).plan(bucket, browser.versioningOf(bucket).versioning(),
                new DeleteIntent.AllVersions(Scope.prefix("")), new CancellationToken());
        List<ItemResult> results = new CopyOnWriteArrayList<>();
        return new BatchDeleter(ceph.connection).run(new DeleteJob(bucket, plan.items(), mfa, DeleteOptions.DEFAULTS),
                codes, results::addAll, new CancellationToken());
    }

    private static String startUpload(String bucket, String key, int... partSizes) {
        return ceph.buckets.startUpload(bucket, key, partSizes);
    }
}
