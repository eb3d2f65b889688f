package org.bucketsweep.model.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BucketBrowserTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;
    private BucketBrowser browser;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        browser = new BucketBrowser(connection);
    }

    @Test
    void bucketsAndTheirVersioning() {
        buckets.versionedBucket("versioned");
        buckets.plainBucket("plain");

        assertThat(browser.listBuckets()).extracting(BucketSummary::name).containsExactly("plain", "versioned");
        assertThat(browser.versioningOf("versioned").versioning()).isEqualTo(VersioningStatus.ENABLED);
        assertThat(browser.versioningOf("plain").versioning()).isEqualTo(VersioningStatus.NEVER_ENABLED);
        assertThat(browser.versioningOf("plain").mfaDelete()).isEqualTo(MfaDeleteStatus.DISABLED);
    }

    @Test
    void aStatusTheServerRefusesIsUnknownNeverOff() throws Exception {
        buckets.versionedBucket("guarded");
        try (FaultProxy proxy = FaultProxy.start(server.getUri());
             S3Connection viaProxy = S3Connection.open(TestBuckets.settings(proxy.uri()))) {
            proxy.setPolicy(r -> r.hasQueryParameter("versioning") || r.hasQueryParameter("object-lock")
                    ? FaultProxy.Fault.status(403, "AccessDenied", "Access Denied") : FaultProxy.Fault.pass());
            BucketBrowser guarded = new BucketBrowser(viaProxy);

            assertThat(guarded.versioningOf("guarded")).isEqualTo(BucketVersioning.UNKNOWN);
            assertThat(guarded.objectLockOf("guarded")).isEqualTo(ObjectLockStatus.UNKNOWN);
        }
    }

    @Test
    void oneLevelWithVersionsAndDeleteMarkers() {
        buckets.versionedBucket("vers");
        String r1 = buckets.put("vers", "readme.txt", "one");
        String r2 = buckets.put("vers", "readme.txt", "two");
        buckets.put("vers", "docs/a.txt", "a");
        buckets.put("vers", "old.txt", "old");
        String marker = buckets.addDeleteMarker("vers", "old.txt");

        List<ListingEntry> current = list("vers", "", false);
        assertThat(current).containsExactly(
                new CommonPrefix("docs/"),
                current.get(1));
        assertThat((ObjectVersion) current.get(1)).extracting(ObjectVersion::key, ObjectVersion::versionId)
                .containsExactly("readme.txt", null);

        List<ListingEntry> versions = list("vers", "", true);
        assertThat(versions.get(0)).isEqualTo(new CommonPrefix("docs/"));
        assertThat(versions.subList(1, versions.size())).map(ObjectVersion.class::cast)
                .extracting(ObjectVersion::key, ObjectVersion::versionId, ObjectVersion::latest,
                        ObjectVersion::deleteMarker)
                .containsExactly(
                        tuple("old.txt", marker, true, true),
                        tuple("old.txt", versions.get(2) instanceof ObjectVersion v ? v.versionId() : null, false,
                                false),
                        tuple("readme.txt", r2, true, false),
                        tuple("readme.txt", r1, false, false));
    }

    @Test
    void pagesThroughEveryVersionExactlyOnce() {
        buckets.versionedBucket("paged");
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            for (int v = 0; v < 3; v++) {
                expected.add(buckets.put("paged", "key-" + k, "v" + v));
            }
        }
        List<ListingPage> pages = new ArrayList<>();

        browser.listAllVersions("paged", "", pages::add, new CancellationToken());

        List<String> seen = pages.stream().flatMap(p -> p.entries().stream())
                .map(e -> ((ObjectVersion) e).versionId()).toList();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages.get(pages.size() - 1).last()).isTrue();
    }

    private List<ListingEntry> list(String bucket, String prefix, boolean versions) {
        List<ListingEntry> all = new ArrayList<>();
        browser.listLevel(bucket, prefix, versions, page -> all.addAll(page.entries()), new CancellationToken());
        return all;
    }
}
