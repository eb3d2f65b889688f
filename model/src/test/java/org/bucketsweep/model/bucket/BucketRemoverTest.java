package org.bucketsweep.model.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.model.uploads.AbortOutcome;
import org.bucketsweep.model.uploads.AbortResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The last step of emptying a bucket, on a real server: aborted uploads, a stop when anything is left. */
class BucketRemoverTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private S3Client s3;
    private TestBuckets buckets;

    @BeforeEach
    void connect() {
        connection = server.connection();
        s3 = connection.client();
        buckets = new TestBuckets(s3);
        buckets.versionedBucket("scratch");
    }

    @Test
    void abortsTheUploadsLeftThenDeletesTheEmptyBucket() {
        buckets.startUpload("scratch", "build/app.zip", 10);

        BucketRemoval removal = new BucketRemover(connection).removeEmptied("scratch", new CancellationToken());

        assertThat(removal.deleted()).as(removal.reason()).isTrue();
        assertThat(removal.aborted()).extracting(AbortResult::outcome).containsExactly(AbortOutcome.ABORTED);
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("scratch"));
    }

    @Test
    void anythingStillThereStopsItAndIsNamed() {
        buckets.put("scratch", "late/é &<>.txt", "written after the plan");

        BucketRemoval removal = new BucketRemover(connection).removeEmptied("scratch", new CancellationToken());

        assertThat(removal.deleted()).isFalse();
        assertThat(removal.leftKeys()).containsExactly("late/é &<>.txt");
        assertThat(removal.reason()).contains("late/é &<>.txt").contains("The bucket was not deleted");
        assertThat(buckets.versionsOf("scratch", "late/é &<>.txt")).hasSize(1);
        assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals("scratch"));
    }

    @Test
    void aDeleteMarkerLeftBehindAlsoStopsIt() {
        buckets.addDeleteMarker("scratch", "gone.txt");

        BucketRemoval removal = new BucketRemover(connection).removeEmptied("scratch", new CancellationToken());

        assertThat(removal.deleted()).isFalse();
        assertThat(removal.leftKeys()).containsExactly("gone.txt");
    }

    @Test
    void aBucketAlreadyGoneCountsAsDeleted() {
        s3.deleteBucket(b -> b.bucket("scratch"));

        BucketRemoval removal = new BucketRemover(connection).removeEmptied("scratch", new CancellationToken());

        assertThat(removal.deleted()).isTrue();
    }
}
