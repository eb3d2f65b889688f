package org.bucketsweep.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Starts one real sandbox for the whole class (the tests only read from it) and checks what it seeded; the test of
 * {@link DemoSandbox#close()} starts a sandbox of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSandboxTest {

    /** Spelled out here rather than taken from DemoSandbox, so the test states what the demo promises. */
    private static final List<String> ODD_KEYS = List.of(
            "a//b", "ü/é.txt", "&<>.txt", "folder/", "with space.txt", "plus+sign.txt", "percent%20.txt");

    private static DemoSandbox sandbox;
    private static S3Client s3;
    private static long startCalledNanos;

    @BeforeAll
    static void startSandbox() {
        startCalledNanos = System.nanoTime();
        sandbox = DemoSandbox.start();
        System.out.println("DemoSandbox.start() returned after " + millisSince(startCalledNanos) + " ms");
        s3 = client(sandbox);
    }

    @AfterAll
    static void stopSandbox() {
        if (s3 != null) {
            s3.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static S3Client client(DemoSandbox target) {
        return S3Client.builder()
                .httpClient(Apache5HttpClient.builder().build())
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(target.accessKeyId(), target.secretAccessKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Test
    @Order(1)
    void exposesLoopbackEndpointAndDemoCredentials() {
        assertThat(sandbox.endpoint().getScheme()).isEqualTo("http");
        assertThat(sandbox.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.endpoint().getPort()).isPositive();
        assertThat(sandbox.region()).isEqualTo("us-east-1");
        assertThat(sandbox.accessKeyId()).isNotBlank();
        assertThat(sandbox.secretAccessKey()).isNotBlank();
    }

    @Test
    @Order(2)
    void listsTheThreeBuckets() {
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name)
                .contains("demo-versioned", "demo-unversioned", "demo-many");
    }

    @Test
    @Order(3)
    void versioningIsEnabledOnlyOnTheVersionedBucket() {
        assertThat(s3.getBucketVersioning(r -> r.bucket("demo-versioned")).status())
                .isEqualTo(BucketVersioningStatus.ENABLED);
        // Never enabled: no Status element at all (neither Enabled nor Suspended).
        assertThat(s3.getBucketVersioning(r -> r.bucket("demo-unversioned")).status()).isNull();
    }

    @Test
    @Order(4)
    void deletedKeyHasDeleteMarkerAsLatestVersion() {
        ListObjectVersionsResponse resp = s3.listObjectVersions(r -> r.bucket("demo-versioned")
                .prefix("reports/2025.csv"));
        assertThat(resp.deleteMarkers()).filteredOn(m -> m.key().equals("reports/2025.csv"))
                .singleElement()
                .satisfies(m -> assertThat(m.isLatest()).isTrue());
        assertThat(resp.versions()).filteredOn(v -> v.key().equals("reports/2025.csv"))
                .hasSize(2)
                .allSatisfy(v -> {
                    assertThat(v.isLatest()).isFalse();
                    assertThat(v.versionId()).isNotBlank();
                });
        // And it is gone from the plain listing.
        assertThat(s3.listObjectsV2(r -> r.bucket("demo-versioned").prefix("reports/")).contents())
                .extracting(S3Object::key)
                .containsExactlyInAnyOrder("reports/2024.csv", "reports/draft.txt");
    }

    @Test
    @Order(5)
    void versionedBucketHasExpectedVersionCounts() {
        List<ObjectVersion> versions = new ArrayList<>();
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        s3.listObjectVersionsPaginator(r -> r.bucket("demo-versioned")).forEach(page -> {
            versions.addAll(page.versions());
            markers.addAll(page.deleteMarkers());
        });
        Map<String, Long> perKey = versions.stream()
                .collect(Collectors.groupingBy(ObjectVersion::key, Collectors.counting()));
        assertThat(perKey).containsEntry("reports/2024.csv", 3L)
                .containsEntry("reports/2025.csv", 2L)
                .containsEntry("reports/draft.txt", 1L)
                .containsEntry("logs/app.log", 4L)
                .containsEntry("logs/old.log", 2L)
                .containsEntry("images/logo.png", 1L)
                .containsEntry("readme.txt", 2L);
        assertThat(markers).extracting(DeleteMarkerEntry::key)
                .containsExactlyInAnyOrder("reports/2025.csv", "logs/old.log", "archive/2023/summary.pdf");
        // Every version of a versioned bucket carries a real id.
        assertThat(versions).extracting(ObjectVersion::versionId).allSatisfy(id -> assertThat(id).isNotBlank());
    }

    @Test
    @Order(6)
    void oddKeysRoundTripExactlyInListings() {
        // local-s3 only strips a leading '/', and none of these keys has one, so all must come back unchanged.
        // ListObjects(V2) must ask for encoding-type=url: local-s3 2.4 sends the Content-Length of those two
        // listings in UTF-16 chars, not UTF-8 bytes, so a non-ASCII key ("ü/é.txt") truncates the XML and leaves
        // the rest on the keep-alive connection. URL-encoded keys are ASCII; the SDK decodes them again.
        List<String> listed = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket("demo-versioned").encodingType(EncodingType.URL)).contents()
                .forEach(o -> listed.add(o.key()));
        assertThat(listed).containsAll(ODD_KEYS);

        ListObjectsV2Response root = s3.listObjectsV2(r -> r.bucket("demo-versioned").delimiter("/")
                .encodingType(EncodingType.URL));
        assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix)
                .contains("a/", "ü/", "folder/", "reports/", "logs/", "images/");
        assertThat(root.contents()).extracting(S3Object::key)
                .contains("&<>.txt", "with space.txt", "plus+sign.txt", "percent%20.txt", "readme.txt");

        // ListObjectVersions is serialized correctly by local-s3, with or without encoding-type.

        List<String> versionKeys = new ArrayList<>();
        s3.listObjectVersionsPaginator(r -> r.bucket("demo-versioned")).versions()
                .forEach(v -> versionKeys.add(v.key()));
        assertThat(versionKeys).containsAll(ODD_KEYS);

        // The body round-trips too, through the key as a URL path.
        assertThat(s3.getObjectAsBytes(r -> r.bucket("demo-versioned").key("percent%20.txt")).asUtf8String())
                .isEqualTo("version 1 of percent%20.txt\n");
        assertThat(s3.getObjectAsBytes(r -> r.bucket("demo-versioned").key("folder/")).asByteArray()).isEmpty();
    }

    @Test
    @Order(7)
    void versionedBucketHasNoncurrentBytesAnExpiredMarkerAndIncompleteUploads() {
        List<ObjectVersion> backups = new ArrayList<>();
        s3.listObjectVersionsPaginator(r -> r.bucket("demo-versioned").prefix("backups/")).versions()
                .forEach(backups::add);
        long noncurrent = backups.stream().filter(v -> !v.isLatest()).mapToLong(ObjectVersion::size).sum();
        long current = backups.stream().filter(ObjectVersion::isLatest).mapToLong(ObjectVersion::size).sum();
        assertThat(noncurrent).as("noncurrent bytes under backups/").isEqualTo(5L * 256 * 1024 + 2L * 96 * 1024);
        assertThat(current).isEqualTo(256L * 1024 + 96L * 1024);

        ListObjectVersionsResponse archive = s3.listObjectVersions(r -> r.bucket("demo-versioned")
                .prefix("archive/2023/summary.pdf"));
        assertThat(archive.versions()).as("an expired marker has no version left").isEmpty();
        assertThat(archive.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.isLatest()).isTrue());

        Map<String, Long> uploadBytes = new TreeMap<>();
        s3.listMultipartUploads(r -> r.bucket("demo-versioned")).uploads().forEach(u -> uploadBytes.put(u.key(),
                s3.listParts(r -> r.bucket("demo-versioned").key(u.key()).uploadId(u.uploadId())).parts().stream()
                        .mapToLong(Part::size).sum()));
        assertThat(uploadBytes).containsOnly(
                Map.entry("backups/db-next.dump", 640L * 1024), Map.entry("videos/intro.mp4", 300L * 1024));
    }

    @Test
    @Order(7)
    void theBrowsersOneLevelListingOfUploadsFindsThoseOfTheFolderOnly() {
        ConnectionSettings settings = new ConnectionSettings("demo", sandbox.endpoint(), sandbox.region(), true,
                new CredentialsSource.StaticKeys(sandbox.accessKeyId(), sandbox.secretAccessKey()), true);
        try (S3Connection connection = S3Connection.open(settings)) {
            MultipartUploads uploads = new MultipartUploads(connection);
            List<MultipartUpload> backups = new ArrayList<>();
            uploads.list("demo-versioned", "backups/", true, true, backups::addAll, new CancellationToken());
            List<MultipartUpload> top = new ArrayList<>();
            uploads.list("demo-versioned", "", true, false, top::addAll, new CancellationToken());

            assertThat(backups).singleElement().satisfies(u -> {
                assertThat(u.key()).isEqualTo("backups/db-next.dump");
                assertThat(u.bytes()).isEqualTo(640L * 1024);
            });
            assertThat(top).as("both uploads are in folders").isEmpty();
        }
    }

    @Test
    @Order(7)
    void scratchBucketHoldsSomethingOfEverything() {
        ListObjectVersionsResponse all = s3.listObjectVersions(r -> r.bucket("demo-scratch"));
        assertThat(all.versions()).extracting(ObjectVersion::key)
                .containsOnly("build/app-1.0.zip", "build/app-1.1.zip", "cache/session.json");
        assertThat(all.deleteMarkers()).extracting(DeleteMarkerEntry::key)
                .containsExactlyInAnyOrder("build/app-1.1.zip", "cache/old.json");
        assertThat(s3.listMultipartUploads(r -> r.bucket("demo-scratch")).uploads())
                .extracting(u -> u.key()).containsExactly("build/app-2.0.zip");
    }

    @Test
    @Order(7)
    void unversionedBucketHasDocsAndTmp() {
        List<String> keys = s3.listObjectsV2(r -> r.bucket("demo-unversioned")).contents().stream()
                .map(S3Object::key).toList();
        assertThat(keys).hasSizeBetween(8, 12);
        assertThat(keys).anyMatch(k -> k.startsWith("docs/")).anyMatch(k -> k.startsWith("tmp/"));
    }

    @Test
    @Order(8)
    void manyBucketHas3000Keys() {
        assertThat(sandbox.awaitSeeded(Duration.ofSeconds(60))).isTrue();
        System.out.println("awaitSeeded true " + millisSince(startCalledNanos) + " ms after start() was called"
                + " (an upper bound if seeding had finished before this test ran)");
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket("demo-many").maxKeys(1000)).contents()
                .forEach(o -> keys.add(o.key()));
        assertThat(keys).hasSize(3000).doesNotHaveDuplicates()
                .contains("batch-0001/item-00001.txt", "batch-0003/item-01000.txt");
        assertThat(keys.stream().collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('/')),
                Collectors.counting())))
                .containsOnly(Map.entry("batch-0001", 1000L), Map.entry("batch-0002", 1000L),
                        Map.entry("batch-0003", 1000L));
    }

    /**
     * local-s3 prints a stack trace on stderr for each connection a client resets, as the HttpClient 5 client does
     * when it closes: three traces in the terminal in the middle of a demo session, when the seeding ended.
     */
    @Test
    @Order(99)
    void seedingEndsAndTheSandboxClosesWithoutResetConnections() throws InterruptedException {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            DemoSandbox seeding = DemoSandbox.start();
            try {
                assertThat(seeding.awaitSeeded(Duration.ofSeconds(60))).isTrue();
                // The server's event loop reads a reset within milliseconds; nothing to wait for but time.
                Thread.sleep(1_000);
            } finally {
                seeding.close();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("Connection reset");
    }

    @Test
    @Order(100)
    void closeStopsTheSeedingAndTheServer() throws InterruptedException {
        Set<Thread> seedersBefore = seedThreads();
        DemoSandbox closing = DemoSandbox.start();
        int port = closing.endpoint().getPort();
        Set<Thread> seeders = seedThreads();
        seeders.removeAll(seedersBefore);
        assertThat(seeders).as("background seeding threads of the new sandbox").isNotEmpty()
                .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

        closing.close(); // while demo-many is still being seeded

        assertThat(seeders).noneMatch(Thread::isAlive);
        assertThat(closing.awaitSeeded(Duration.ofSeconds(1))).isFalse();
        // Netty closes the listening channel on its own event loop: give it a moment, boundedly.
        assertThat(portClosesWithin(port, Duration.ofSeconds(10))).as("port %d refuses connections", port).isTrue();

        closing.close(); // idempotent
    }

    private static boolean portClosesWithin(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (IOException refused) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static Set<Thread> seedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("demo-seed") && t.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }
}
