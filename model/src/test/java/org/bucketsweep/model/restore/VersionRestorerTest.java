package org.bucketsweep.model.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restoring an older version on a real server: its bytes become current, and nothing is deleted. */
class VersionRestorerTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        buckets.versionedBucket("docs");
    }

    @Test
    void theOlderVersionsBytesBecomeCurrentAndEveryVersionStays() {
        String old = buckets.put("docs", "a/é &<>.txt", "the good text");
        String bad = buckets.put("docs", "a/é &<>.txt", "a bad edit");

        VersionRestorer.Restored restored = new VersionRestorer(connection).restore("docs",
                version("a/é &<>.txt", old));

        assertThat(restored.succeeded()).as(restored.errorMessage()).isTrue();
        assertThat(restored.newVersionId()).isNotIn(old, bad).isNotNull();
        assertThat(connection.client().getObjectAsBytes(b -> b.bucket("docs").key("a/é &<>.txt")).asUtf8String())
                .isEqualTo("the good text");
        assertThat(buckets.versionsOf("docs", "a/é &<>.txt")).contains(old, bad).hasSize(3);
    }

    @Test
    void theCurrentVersionAndDeleteMarkersAreRefusedWithAReason() {
        String only = buckets.put("docs", "b.txt", "x");
        String marker = buckets.addDeleteMarker("docs", "c.txt");

        VersionRestorer restorer = new VersionRestorer(connection);

        assertThat(restorer.restore("docs", version("b.txt", only)).errorMessage())
                .isEqualTo("This version is already the current one.");
        assertThat(restorer.restore("docs", version("c.txt", marker)).errorMessage()).contains("undelete");
        assertThat(buckets.versionsOf("docs", "b.txt")).containsExactly(only);
    }

    private ObjectVersion version(String key, String versionId) {
        List<ObjectVersion> found = new ArrayList<>();
        new BucketBrowser(connection).listAllVersions("docs", key, page -> page.entries().forEach(e -> {
            if (e instanceof ObjectVersion v && versionId.equals(v.versionId())) {
                found.add(v);
            }
        }), new CancellationToken());
        return found.get(0);
    }
}
