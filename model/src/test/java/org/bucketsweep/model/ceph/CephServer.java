package org.bucketsweep.model.ceph;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.TestBuckets;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.MFADelete;

/**
 * The Ceph RGW that {@code scripts/ceph-rgw.sh} started, as its env file describes it (BUCKETSWEEP_CEPH_*): a
 * connection, its MFA codes, and fresh buckets. {@link #connect()} skips the calling test class where none is set.
 */
final class CephServer implements AutoCloseable {

    final S3Connection connection;
    final S3Client s3;
    final TestBuckets buckets;
    final CephMfa mfa;

    private CephServer(S3Connection connection) {
        this.connection = connection;
        this.s3 = connection.client();
        this.buckets = new TestBuckets(s3);
        this.mfa = new CephMfa(System.getenv("BUCKETSWEEP_CEPH_MFA_SEED_HEX"),
                Arrays.asList(System.getenv("BUCKETSWEEP_CEPH_MFA_SERIALS").split(",")));
    }

    static CephServer connect() {
        String endpoint = System.getenv("BUCKETSWEEP_CEPH_ENDPOINT");
        assumeThat(endpoint).as("BUCKETSWEEP_CEPH_ENDPOINT (scripts/ceph-rgw.sh start)").isNotBlank();
        return new CephServer(S3Connection.open(new ConnectionSettings("ceph", URI.create(endpoint), "us-east-1",
                true, new CredentialsSource.StaticKeys(System.getenv("BUCKETSWEEP_CEPH_ACCESS_KEY"),
                        System.getenv("BUCKETSWEEP_CEPH_SECRET_KEY")))));
    }

    /** A new bucket name with this prefix: tests share one cluster. */
    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String versionedBucket() {
        String bucket = fresh("vers");
        buckets.versionedBucket(bucket);
        return bucket;
    }

    String mfaBucket() {
        String bucket = fresh("mfa");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).mfa(mfa.next()).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.ENABLED)));
        return bucket;
    }

    String lockBucket() {
        String bucket = fresh("lock");
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        return bucket;
    }

    @Override
    public void close() {
        connection.close();
    }
}
