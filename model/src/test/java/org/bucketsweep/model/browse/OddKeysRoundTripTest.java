package org.bucketsweep.model.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Odd keys round-trip through listing (folder by folder, and all at once) and delete, on every server that can
 * store them. S3Proxy (transient store) folds {@code a//b} and a leading {@code /} in the URL path before it checks
 * the signature, so it refuses to store either (403 SignatureDoesNotMatch); it keeps a key ending in {@code /} as
 * one unversioned object; it stores keys up to S3's 1,024 bytes (and longer ones too, which AWS refuses). Ceph RGW
 * (scripts/ceph-rgw.sh) stores all of them; on that setup a versioned key over about 350 bytes fails.
 */
class OddKeysRoundTripTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @Test
    void onS3Proxy() {
        try (S3Connection connection = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            List<String> keys = new ArrayList<>(OddKeysRoundTrip.VERSIONED_EVERYWHERE);
            keys.add(OddKeysRoundTrip.LONGEST_KEY);
            new OddKeysRoundTrip(connection).run("odd", keys);
        }
    }

    @Test
    void aKeyEndingInASlashIsOneUnversionedObjectOnS3Proxy() {
        try (S3Connection connection = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            TestBuckets buckets = new TestBuckets(connection.client());
            buckets.versionedBucket("slash");
            buckets.put("slash", "trailing/", "");
            OddKeysRoundTrip roundTrip = new OddKeysRoundTrip(connection);

            List<ObjectVersion> found = roundTrip.findByWalkingFolders("slash", "trailing/");

            assertThat(found).singleElement().satisfies(v -> assertThat(v.key()).isEqualTo("trailing/"));
            List<ItemResult> results = new ArrayList<>();
            new BatchDeleter(connection).run(DeleteJob.of("slash", List.of(found.get(0).ref()), false),
                    MfaCodeSupplier.NONE, results::addAll, new CancellationToken());
            assertThat(results).extracting(ItemResult::outcome).containsExactly(DeleteOutcome.DELETED);
            assertThat(buckets.currentKeys("slash")).isEmpty();
        }
    }

    @Test
    void s3ProxyRefusesTheKeysItWouldFold() {
        try (S3Connection connection = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            TestBuckets buckets = new TestBuckets(connection.client());
            buckets.versionedBucket("folding");
            for (String key : List.of("a//b", "/leading")) {
                S3Exception refused = catchThrowableOfType(S3Exception.class, () -> buckets.put("folding", key, "x"));
                assertThat(refused).as(key).isNotNull();
                assertThat(refused.statusCode()).isEqualTo(403);
            }
        }
    }

    @Test
    @Tag("ceph")
    void onCephRgw() {
        String endpoint = System.getenv("BUCKETSWEEP_CEPH_ENDPOINT");
        assumeThat(endpoint).as("BUCKETSWEEP_CEPH_ENDPOINT (scripts/ceph-rgw.sh start)").isNotBlank();
        try (S3Connection connection = S3Connection.open(new ConnectionSettings("ceph", URI.create(endpoint),
                "us-east-1", true, new CredentialsSource.StaticKeys(System.getenv("BUCKETSWEEP_CEPH_ACCESS_KEY"),
                System.getenv("BUCKETSWEEP_CEPH_SECRET_KEY"))))) {
            List<String> keys = new ArrayList<>(OddKeysRoundTrip.VERSIONED_EVERYWHERE);
            keys.addAll(List.of("a//b", "/leading", "trailing/", "deep//double//slashes.txt"));
            new OddKeysRoundTrip(connection).run("odd-" + UUID.randomUUID(), keys);
        }
    }
}
