package org.bucketsweep.app.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.paginators.ListObjectVersionsIterable;

/**
 * The sample data of the small demo buckets. It is made so that every cleanup has something to find: a folder whose
 * noncurrent versions hold most of the bytes ({@code backups/}), keys hidden by a delete marker (undelete), an
 * expired delete marker (one with no version left), incomplete multipart uploads that no listing of objects shows,
 * awkward keys, and a bucket to empty and delete.
 */
final class DemoContent {

    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);

    /** Keys with characters that trip up URL encoding, XML and prefix handling. One version each. */
    static final List<String> ODD_KEYS = List.of(
            "a//b", "ü/é.txt", "&<>.txt", "folder/", "with space.txt", "plus+sign.txt", "percent%20.txt");

    /** Six versions of 256 KiB: five noncurrent ones, the most noncurrent bytes of the demo. */
    static final String BIG_HISTORY_KEY = "backups/db.dump";
    static final int BIG_HISTORY_VERSIONS = 6;
    static final int BIG_HISTORY_SIZE = 256 * 1024;
    /** A delete marker whose version was deleted: it hides nothing, and lifecycle calls it expired. */
    static final String EXPIRED_MARKER_KEY = "archive/2023/summary.pdf";
    /** Started, given parts, and never completed: billed, but in no object listing. */
    static final List<String> INCOMPLETE_UPLOAD_KEYS = List.of("backups/db-next.dump", "videos/intro.mp4");

    /** A 1x1 transparent PNG. */
    private static final byte[] LOGO_PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R', 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89,
        0x00, 0x00, 0x00, 0x0D, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, (byte) 0xB4,
        0x00, 0x00, 0x00, 0x00, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82
    };

    private DemoContent() {
    }

    /** The small buckets, their verification, and the still empty {@value DemoSandbox#MANY_BUCKET}. */
    /** A rule someone else made, kept by the {@link LifecycleFront}: BucketSweep's rules must leave it alone. */
    static final String OTHER_RULE_ID = "expire-old-logs";

    /** The lifecycle configurations the demo starts with (the server itself has no lifecycle support). */
    static Map<String, String> lifecycleRules() {
        return Map.of(DemoSandbox.VERSIONED_BUCKET, "<LifecycleConfiguration"
                + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ID>" + OTHER_RULE_ID + "</ID><Filter>"
                + "<Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>365</Days></Expiration>"
                + "</Rule></LifecycleConfiguration>");
    }

    static void seedSmallBuckets(S3Client s3) {
        long t0 = System.nanoTime();
        seedVersioned(s3);
        long t1 = System.nanoTime();
        seedUnversioned(s3);
        seedScratch(s3);
        long t2 = System.nanoTime();
        verifyVersioned(s3);
        long t3 = System.nanoTime();
        s3.createBucket(r -> r.bucket(DemoSandbox.MANY_BUCKET));
        LOG.debug("Seeding times: {} {} ms, the other small buckets {} ms, verification {} ms",
                DemoSandbox.VERSIONED_BUCKET, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    private static void seedVersioned(S3Client s3) {
        String b = DemoSandbox.VERSIONED_BUCKET;
        versionedBucket(s3, b);

        putVersions(s3, b, "reports/2024.csv", 3, "text/csv");
        putVersions(s3, b, "reports/2025.csv", 2, "text/csv");
        s3.deleteObject(r -> r.bucket(b).key("reports/2025.csv")); // latest is now a delete marker
        putVersions(s3, b, "reports/draft.txt", 1, "text/plain; charset=utf-8");
        putVersions(s3, b, "logs/app.log", 4, "text/plain; charset=utf-8");
        putVersions(s3, b, "logs/old.log", 2, "text/plain; charset=utf-8");
        s3.deleteObject(r -> r.bucket(b).key("logs/old.log"));
        s3.putObject(r -> r.bucket(b).key("images/logo.png").contentType("image/png"),
                RequestBody.fromBytes(LOGO_PNG));
        for (String key : ODD_KEYS) {
            if (key.endsWith("/")) {
                s3.putObject(r -> r.bucket(b).key(key).contentType("application/x-directory"), RequestBody.empty());
            } else {
                putVersions(s3, b, key, 1, "text/plain; charset=utf-8");
            }
        }
        putVersions(s3, b, "readme.txt", 2, "text/plain; charset=utf-8");

        putSizedVersions(s3, b, BIG_HISTORY_KEY, BIG_HISTORY_VERSIONS, BIG_HISTORY_SIZE);
        putSizedVersions(s3, b, "backups/site.tar", 3, 96 * 1024);
        putVersions(s3, b, "archive/2023/index.txt", 1, "text/plain; charset=utf-8");
        expiredMarker(s3, b, EXPIRED_MARKER_KEY);
        incompleteUpload(s3, b, INCOMPLETE_UPLOAD_KEYS.get(0), 512 * 1024, 128 * 1024);
        incompleteUpload(s3, b, INCOMPLETE_UPLOAD_KEYS.get(1), 300 * 1024);
    }

    private static void seedUnversioned(S3Client s3) {
        String b = DemoSandbox.UNVERSIONED_BUCKET;
        s3.createBucket(r -> r.bucket(b));
        for (String key : List.of(
                "docs/guide.md", "docs/faq.md", "docs/changelog.md", "docs/specs/api.txt", "docs/specs/model.txt",
                "tmp/cache-1.tmp", "tmp/cache-2.tmp", "tmp/cache-3.tmp", "tmp/upload.part", "notes.txt")) {
            s3.putObject(r -> r.bucket(b).key(key).contentType("text/plain; charset=utf-8"),
                    RequestBody.fromString("contents of " + key, StandardCharsets.UTF_8));
        }
    }

    /** A versioned bucket with a little of everything, to try emptying and deleting a bucket on. */
    private static void seedScratch(S3Client s3) {
        String b = DemoSandbox.SCRATCH_BUCKET;
        versionedBucket(s3, b);
        putSizedVersions(s3, b, "build/app-1.0.zip", 3, 64 * 1024);
        putSizedVersions(s3, b, "build/app-1.1.zip", 1, 64 * 1024);
        s3.deleteObject(r -> r.bucket(b).key("build/app-1.1.zip"));
        putVersions(s3, b, "cache/session.json", 2, "application/json");
        expiredMarker(s3, b, "cache/old.json");
        incompleteUpload(s3, b, "build/app-2.0.zip", 200 * 1024);
    }

    private static void versionedBucket(S3Client s3, String bucket) {
        s3.createBucket(r -> r.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    }

    private static void putVersions(S3Client s3, String bucket, String key, int count, String contentType) {
        for (int v = 1; v <= count; v++) {
            String body = "version " + v + " of " + key + "\n";
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromString(body, StandardCharsets.UTF_8));
        }
    }

    private static void putSizedVersions(S3Client s3, String bucket, String key, int count, int size) {
        for (int v = 1; v <= count; v++) {
            byte[] body = filler("version " + v + " of " + key + "\n", size);
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/octet-stream"),
                    RequestBody.fromBytes(body));
        }
    }

    /** A key whose only entry is a delete marker: its one version is deleted after the marker was added. */
    private static void expiredMarker(S3Client s3, String bucket, String key) {
        String version = s3.putObject(r -> r.bucket(bucket).key(key),
                RequestBody.fromString("soon gone\n", StandardCharsets.UTF_8)).versionId();
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        s3.deleteObject(r -> r.bucket(bucket).key(key).versionId(version));
    }

    private static void incompleteUpload(S3Client s3, String bucket, String key, int... partSizes) {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        for (int i = 0; i < partSizes.length; i++) {
            int part = i + 1;
            byte[] body = filler("part " + part + " of " + key + "\n", partSizes[i]);
            s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(part),
                    RequestBody.fromBytes(body));
        }
    }

    private static byte[] filler(String line, int size) {
        byte[] pattern = line.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = pattern[i % pattern.length];
        }
        return body;
    }

    /** Checks that the server really kept versions and delete markers; only warns, the demo still works. */
    private static void verifyVersioned(S3Client s3) {
        ListObjectVersionsIterable pages = s3.listObjectVersionsPaginator(r -> r.bucket(DemoSandbox.VERSIONED_BUCKET));
        List<ObjectVersion> versions = new ArrayList<>();
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        pages.forEach(page -> {
            versions.addAll(page.versions());
            markers.addAll(page.deleteMarkers());
        });
        long withoutId = versions.stream()
                .filter(v -> v.versionId() == null || v.versionId().isEmpty() || "null".equals(v.versionId()))
                .count();
        boolean markerOn2025 = markers.stream()
                .anyMatch(m -> "reports/2025.csv".equals(m.key()) && Boolean.TRUE.equals(m.isLatest()));
        int expectedVersions = 3 + 2 + 1 + 4 + 2 + 1 + ODD_KEYS.size() + 2 + BIG_HISTORY_VERSIONS + 3 + 1;
        if (versions.size() < expectedVersions || markers.size() < 3 || withoutId > 0 || !markerOn2025) {
            LOG.warn("The demo server did not keep versions as expected in {}: {} versions (expected {}), "
                            + "{} without a version id, {} delete markers (expected 3), latest of "
                            + "reports/2025.csv is a delete marker: {}",
                    DemoSandbox.VERSIONED_BUCKET, versions.size(), expectedVersions, withoutId, markers.size(),
                    markerOn2025);
        } else {
            LOG.debug("{} holds {} versions and {} delete markers", DemoSandbox.VERSIONED_BUCKET, versions.size(),
                    markers.size());
        }
    }
}
