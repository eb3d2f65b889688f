package org.bucketsweep.model.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The usage scan on S3Proxy, with pages of two entries so that a key's versions straddle pages, and odd keys
 * ({@code é}, {@code &<>}, a key ending in {@code /}); every figure checked exactly.
 */
class UsageScanTest {

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
        seed();
    }

    /**
     * backups/: db.dump in three versions (100, 200, 300 B), ü/é.txt (3 B) behind a delete marker, an upload of
     * 1,000 + 500 B; logs/: &lt;&gt;&amp;.txt (5 B) and gone.txt, whose only entry left is its delete marker;
     * readme.txt (10 B) at the top; trailing/ (0 B, which S3Proxy keeps unversioned); new/: only an upload (7 B).
     */
    private void seed() {
        buckets.versionedBucket("usage");
        put("backups/db.dump", 100);
        put("backups/db.dump", 200);
        put("backups/db.dump", 300);
        put("backups/ü/é.txt", 3);
        buckets.addDeleteMarker("usage", "backups/ü/é.txt");
        put("logs/&<>.txt", 5);
        String gone = put("logs/gone.txt", 4);
        buckets.addDeleteMarker("usage", "logs/gone.txt");
        s3.deleteObject(b -> b.bucket("usage").key("logs/gone.txt").versionId(gone));
        put("readme.txt", 10);
        put("trailing/", 0);
        startUpload("backups/big.bin", 1_000, 500);
        startUpload("new/part.bin", 7);
    }

    @Test
    void countsEveryFolderOneLevelDownAndTheTotal() {
        List<Long> progress = new ArrayList<>();

        UsageReport report = new UsageScan(connection, 2).scan("usage", "", UsageScan.DEFAULT_DEPTH,
                progress::add, new CancellationToken());

        Instant oldest = oldestNoncurrent("backups/");
        assertThat(report.folders()).containsExactly(
                new FolderUsage("backups/", 1, 300, 3, 303, 1, 0, 1, 1_500, oldest),
                new FolderUsage("", 1, 10, 0, 0, 0, 0, 0, 0, null),
                new FolderUsage("logs/", 1, 5, 0, 0, 1, 1, 0, 0, null),
                new FolderUsage("new/", 0, 0, 0, 0, 0, 0, 1, 7, null),
                new FolderUsage("trailing/", 1, 0, 0, 0, 0, 0, 0, 0, null));
        assertThat(report.total()).isEqualTo(new FolderUsage("", 4, 315, 3, 303, 2, 1, 2, 1_507, oldest));
        assertThat(report.versions()).isEqualTo(9);
        assertThat(report.complete()).isTrue();
        assertThat(report.notes()).isEmpty();
        assertThat(progress).hasSizeGreaterThan(3).isSorted().last().isEqualTo(9L);
    }

    @Test
    void deeperFoldersUnderAPrefix() {
        UsageReport report = new UsageScan(connection, 2).scan("usage", "backups/", 2, UsageProgress.NONE,
                new CancellationToken());

        assertThat(report.folders()).containsExactly(
                new FolderUsage("backups/", 1, 300, 2, 300, 0, 0, 1, 1_500, oldestNoncurrent("backups/db")),
                new FolderUsage("backups/ü/", 0, 0, 1, 3, 1, 0, 0, 0, oldestNoncurrent("backups/ü/")));
        assertThat(report.total().folder()).isEqualTo("backups/");
        assertThat(report.total().noncurrentBytes()).isEqualTo(303);
        assertThat(report.versions()).isEqualTo(5);
    }

    @Test
    void aPrefixThatIsNoFolderGroupsByTheFolderItStartsIn() {
        UsageReport report = new UsageScan(connection).scan("usage", "lo", 1, UsageProgress.NONE,
                new CancellationToken());

        assertThat(report.folders()).extracting(FolderUsage::folder).containsExactly("logs/");
        assertThat(report.total().expiredMarkers()).isEqualTo(1);
    }

    @Test
    void cancellingReturnsWhatWasCountedMarkedIncomplete() {
        CancellationToken cancel = new CancellationToken();

        // S3Proxy may answer an empty first page: cancel once something was counted.
        UsageReport report = new UsageScan(connection, 2).scan("usage", "", 1, versions -> {
            if (versions > 0) {
                cancel.cancel();
            }
        }, cancel);

        assertThat(report.complete()).isFalse();
        assertThat(report.versions()).isEqualTo(2);
        assertThat(report.total().uploads()).as("uploads are not listed after a cancel").isZero();
    }

    @Test
    void aBucketThatVanishesMidScanSaysSo() throws Exception {
        try (ProxiedConnection proxied = ProxiedConnection.to(server.getUri())) {
            AtomicBoolean counted = new AtomicBoolean();
            proxied.proxy().setPolicy(r -> r.hasQueryParameter("versions") && counted.get()
                    ? Fault.status(404, "NoSuchBucket", "The specified bucket does not exist")
                    : Fault.pass());

            UsageScanException failed = catchThrowableOfType(UsageScanException.class,
                    () -> new UsageScan(proxied.connection(), 2).scan("usage", "", 1, versions -> {
                        if (versions > 0) {
                            counted.set(true);
                        }
                    }, new CancellationToken()));

            assertThat(failed.getMessage()).isEqualTo("The bucket usage vanished during the scan, after 2 versions:"
                    + " the figures so far are not shown, they would mislead.");
            assertThat(failed.failure().code()).isEqualTo("NoSuchBucket");
            assertThat(failed.versionsScanned()).isEqualTo(2);
        }
    }

    @Test
    void aMissingBucketSaysSo() {
        UsageScanException failed = catchThrowableOfType(UsageScanException.class,
                () -> new UsageScan(connection).scan("nope", "", 1, UsageProgress.NONE, new CancellationToken()));

        assertThat(failed.getMessage()).isEqualTo("The bucket nope does not exist (any more).");
    }

    @Test
    void uploadsTheCredentialsMayNotListAreANoteAndTheRestIsReported() throws Exception {
        try (ProxiedConnection proxied = ProxiedConnection.to(server.getUri())) {
            proxied.proxy().setPolicy(r -> r.hasQueryParameter("uploads")
                    ? Fault.status(403, "AccessDenied", "Access Denied") : Fault.pass());

            UsageReport report = new UsageScan(proxied.connection()).scan("usage", "", 1, UsageProgress.NONE,
                    new CancellationToken());

            assertThat(report.complete()).isTrue();
            assertThat(report.total().noncurrentBytes()).isEqualTo(303);
            assertThat(report.total().uploads()).isZero();
            assertThat(report.folders()).extracting(FolderUsage::folder).doesNotContain("new/");
            assertThat(report.notes()).containsExactly("Incomplete multipart uploads were not counted:"
                    + " AccessDenied: Access Denied. The credentials may not list them (s3:ListBucketMultipartUploads).");
        }
    }

    private String put(String key, int bytes) {
        String versionId = s3.putObject(b -> b.bucket("usage").key(key), RequestBody.fromBytes(new byte[bytes]))
                .versionId();
        return versionId == null || versionId.isEmpty() ? null : versionId;
    }

    private void startUpload(String key, int... partSizes) {
        new TestBuckets(s3).startUpload("usage", key, partSizes);
    }

    /** The oldest LastModified among the noncurrent versions under {@code prefix}, as the server reports it. */
    private Instant oldestNoncurrent(String prefix) {
        return s3.listObjectVersionsPaginator(b -> b.bucket("usage").prefix(prefix)).versions().stream()
                .filter(v -> !Boolean.TRUE.equals(v.isLatest()))
                .map(software.amazon.awssdk.services.s3.model.ObjectVersion::lastModified)
                .min(Instant::compareTo).orElseThrow();
    }
}
