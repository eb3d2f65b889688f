package org.bucketsweep.model.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.util.UUID;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The keys S3Proxy folds or keeps unversioned ({@code a//b}, {@code trailing/}), on Ceph RGW
 * (scripts/ceph-rgw.sh), which stores them as S3 does: {@code a//b} is in folder {@code a/}, then {@code a//}.
 */
@Tag("ceph")
class UsageScanCephTest {

    @Test
    void emptySegmentsAndTrailingSlashesAreFoldersLikeAnyOther() {
        String endpoint = System.getenv("BUCKETSWEEP_CEPH_ENDPOINT");
        assumeThat(endpoint).as("BUCKETSWEEP_CEPH_ENDPOINT (scripts/ceph-rgw.sh start)").isNotBlank();
        try (S3Connection connection = S3Connection.open(new ConnectionSettings("ceph", URI.create(endpoint),
                "us-east-1", true, new CredentialsSource.StaticKeys(System.getenv("BUCKETSWEEP_CEPH_ACCESS_KEY"),
                System.getenv("BUCKETSWEEP_CEPH_SECRET_KEY"))))) {
            String bucket = "usage-" + UUID.randomUUID();
            TestBuckets buckets = new TestBuckets(connection.client());
            buckets.versionedBucket(bucket);
            buckets.put(bucket, "a//b", "one");
            buckets.put(bucket, "a//b", "three");
            buckets.put(bucket, "a/c", "x");
            buckets.put(bucket, "trailing/", "0");
            buckets.put(bucket, "trailing/", "22");
            buckets.addDeleteMarker(bucket, "é &<>.txt");

            UsageScan scan = new UsageScan(connection, 2);
            UsageReport top = scan.scan(bucket, "", 1, UsageProgress.NONE, new CancellationToken());
            UsageReport deep = scan.scan(bucket, "a/", 1, UsageProgress.NONE, new CancellationToken());

            assertThat(top.folders()).extracting(f -> f.folder() + " " + f.currentBytes() + " " + f.noncurrentBytes()
                    + " " + f.expiredMarkers()).containsExactly("a/ 6 3 0", "trailing/ 2 1 0", " 0 0 1");
            assertThat(deep.folders()).extracting(f -> f.folder() + " " + f.currentObjects() + " "
                    + f.noncurrentVersions()).containsExactly("a// 1 1", "a/ 1 0");
        }
    }
}
