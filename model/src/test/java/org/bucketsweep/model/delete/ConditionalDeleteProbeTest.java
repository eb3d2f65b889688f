package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The probe against S3Proxy, which checks ETags: it says so and leaves nothing behind. */
class ConditionalDeleteProbeTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
    }

    @Test
    void onAnUnversionedBucketTheServerIsFoundToCheckAndNothingIsLeft() {
        buckets.plainBucket("plain");
        buckets.put("plain", "mine.txt", "kept");

        ConditionalDeleteProbe.Result result = ConditionalDeleteProbe.probe(connection, "plain", false);

        assertThat(result.support()).as(result.detail()).isEqualTo(ConditionalDeleteProbe.Support.CHECKED);
        assertThat(buckets.currentKeys("plain")).containsExactly("mine.txt");
    }

    @Test
    void onAVersionedBucketNoVersionOrMarkerOfTheProbeIsLeft() {
        buckets.versionedBucket("vers");
        buckets.put("vers", "mine.txt", "kept");

        ConditionalDeleteProbe.Result result = ConditionalDeleteProbe.probe(connection, "vers", false);

        assertThat(result.support()).as(result.detail()).isEqualTo(ConditionalDeleteProbe.Support.CHECKED);
        assertThat(allVersionKeys(connection.client(), "vers")).containsExactly("mine.txt");
    }

    @Test
    void anMfaDeleteBucketIsNotProbed() {
        buckets.plainBucket("plain");

        ConditionalDeleteProbe.Result result = ConditionalDeleteProbe.probe(connection, "plain", true);

        assertThat(result.support()).isEqualTo(ConditionalDeleteProbe.Support.UNKNOWN);
        assertThat(result.detail()).contains("MFA Delete");
    }

    static List<String> allVersionKeys(S3Client s3, String bucket) {
        var listing = s3.listObjectVersions(b -> b.bucket(bucket));
        List<String> keys = new java.util.ArrayList<>();
        listing.versions().forEach(v -> keys.add(v.key()));
        listing.deleteMarkers().forEach(m -> keys.add(m.key()));
        return keys;
    }
}
