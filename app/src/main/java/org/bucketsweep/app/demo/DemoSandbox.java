package org.bucketsweep.app.demo;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.paginators.ListObjectVersionsIterable;

/**
 * The demo sandbox: an embedded S3-compatible server (Robothy local-s3) on the loopback address, seeded with three
 * buckets so the app can be tried without a cloud account.
 *
 * <ul>
 *   <li>{@value #VERSIONED_BUCKET}: versioning enabled; several keys with many versions, two keys whose latest
 *       version is a delete marker (they can be "undeleted"), and keys with awkward characters.</li>
 *   <li>{@value #UNVERSIONED_BUCKET}: versioning never enabled; a few objects under {@code docs/} and {@code tmp/}.</li>
 *   <li>{@value #MANY_BUCKET}: 3,000 tiny objects under three prefixes, for paging and bulk deletes.</li>
 * </ul>
 *
 * <p>local-s3 checks no signatures, so the credentials are fixed dummy values. Its data lives in the directory passed
 * to {@link #start(Path)}, which {@link #close()} deletes.
 *
 * <p>Note: local-s3 2.4 offers no way to choose the bind address; it binds the port on all interfaces (wildcard
 * address), although the endpoint handed to the app is {@code http://127.0.0.1:PORT}. It also registers a JVM
 * shutdown hook of its own on start. {@link #close()} stops listening at once, but connections that are already open
 * are only closed when Netty's graceful shutdown finishes (about two seconds later), so close the app's S3 clients
 * before closing the sandbox.
 */
public final class DemoSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSandbox.class);

    public static final String VERSIONED_BUCKET = "demo-versioned";
    public static final String UNVERSIONED_BUCKET = "demo-unversioned";
    public static final String MANY_BUCKET = "demo-many";

    static final int MANY_PREFIXES = 3;
    static final int MANY_PER_PREFIX = 1_000;

    /** Keys with characters that trip up URL encoding, XML and prefix handling. One version each. */
    static final List<String> ODD_KEYS = List.of(
            "a//b", "ü/é.txt", "&<>.txt", "folder/", "with space.txt", "plus+sign.txt", "percent%20.txt");

    private static final String HOST = "127.0.0.1";
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY_ID = "DEMOACCESSKEY0000000";
    private static final String SECRET_ACCESS_KEY = "demo-secret-key-local-s3-checks-no-signature";
    private static final int SEED_THREADS = 4;
    private static final Duration SEED_TIMEOUT = Duration.ofMinutes(5);

    /** A 1x1 transparent PNG. */
    private static final byte[] LOGO_PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R', 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89,
        0x00, 0x00, 0x00, 0x0D, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, (byte) 0xB4,
        0x00, 0x00, 0x00, 0x00, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82
    };

    private final LocalS3 server;
    private final int port;
    private final Path dataDir;
    private final Duration seedTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSandbox(LocalS3 server, int port, Path dataDir, Duration seedTime) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.seedTime = seedTime;
    }

    /**
     * Starts the server on a free port of 127.0.0.1, persisting into {@code dataDir} (a fresh temporary directory,
     * created if missing), and seeds the demo buckets. Blocks until seeding is done.
     *
     * @throws IllegalStateException if the server cannot start or seeding fails; the server is stopped and
     *         {@code dataDir} deleted in that case
     */
    public static DemoSandbox start(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the demo data directory " + dataDir, e);
        }
        LocalS3 server = null;
        int port = -1;
        for (int attempt = 1; server == null; attempt++) {
            port = freePort();
            try {
                server = startServer(port, dataDir);
            } catch (RuntimeException e) {
                if (attempt >= 2 || !isBindFailure(e)) {
                    deleteRecursively(dataDir);
                    throw new IllegalStateException("Cannot start the demo S3 server on port " + port, e);
                }
                LOG.debug("Port {} was taken before the demo server could bind it; trying another", port, e);
            }
        }
        URI endpoint = endpointFor(port);
        Duration seedTime;
        try {
            long t0 = System.nanoTime();
            seed(endpoint);
            seedTime = Duration.ofNanos(System.nanoTime() - t0);
        } catch (RuntimeException | Error e) {
            stopQuietly(server);
            deleteRecursively(dataDir);
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Seeding the demo sandbox failed", e);
        }
        LOG.info("Demo sandbox ready at {} (seeded in {} ms, data in {})", endpoint, seedTime.toMillis(), dataDir);
        return new DemoSandbox(server, port, dataDir, seedTime);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpointFor(port);
    }

    private static URI endpointFor(int port) {
        return URI.create("http://" + HOST + ":" + port);
    }

    public String region() {
        return REGION;
    }

    /** A fixed dummy value: local-s3 checks no signature. */
    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    /** A fixed dummy value: local-s3 checks no signature. */
    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    /** How long seeding took, for logs and tests. */
    Duration seedTime() {
        return seedTime;
    }

    Path dataDir() {
        return dataDir;
    }

    int port() {
        return port;
    }

    /** Stops the server and deletes the data directory; failures are logged at debug. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopQuietly(server);
        deleteRecursively(dataDir);
        LOG.info("Demo sandbox at {} closed", endpoint());
    }

    // ---------------------------------------------------------------------------------------------------- server

    private static LocalS3 startServer(int port, Path dataDir) {
        LocalS3 server = LocalS3.builder()
                .port(port)
                .mode(LocalS3Mode.PERSISTENCE)
                .dataPath(dataDir.toString())
                .build();
        try {
            server.start();
            return server;
        } catch (Exception e) { // Netty rethrows the BindException undeclared
            // start() creates its event loops before binding; shutdown() stops them (and then fails on the
            // missing server channel, which is expected here).
            stopQuietly(server);
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    /** Closes the listening socket (synchronously) and starts Netty's graceful shutdown of its event loops. */
    private static void stopQuietly(LocalS3 server) {
        try {
            server.shutdown();
        } catch (Exception e) { // also catches exceptions Netty throws undeclared
            LOG.debug("Stopping the demo S3 server failed", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port for the demo S3 server", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    LOG.debug("Cannot visit {}", file, exc);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                    deleteQuietly(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.debug("Deleting the demo data directory {} failed", dir, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot delete {}", path, e);
        }
    }

    // ------------------------------------------------------------------------------------------------------ seeding

    private static void seed(URI endpoint) {
        SdkHttpClient http = ApacheHttpClient.builder()
                .maxConnections(SEED_THREADS * 2)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        try {
            S3Client s3 = S3Client.builder()
                    .httpClient(http)
                    .endpointOverride(endpoint)
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                    .forcePathStyle(true)
                    // No flexible checksums (aws-chunked trailers) towards the local server.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .build();
            try {
                long t0 = System.nanoTime();
                seedVersioned(s3);
                long t1 = System.nanoTime();
                seedUnversioned(s3);
                long t2 = System.nanoTime();
                seedMany(s3);
                long t3 = System.nanoTime();
                verifyVersioned(s3);
                long t4 = System.nanoTime();
                LOG.debug("Seeding times: {} {} ms, {} {} ms, {} {} ms, verification {} ms",
                        VERSIONED_BUCKET, (t1 - t0) / 1_000_000, UNVERSIONED_BUCKET, (t2 - t1) / 1_000_000,
                        MANY_BUCKET, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
            } finally {
                s3.close();
            }
        } finally {
            http.close();
        }
    }

    private static void seedVersioned(S3Client s3) {
        String b = VERSIONED_BUCKET;
        s3.createBucket(r -> r.bucket(b));
        s3.putBucketVersioning(r -> r.bucket(b)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));

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
    }

    private static void seedUnversioned(S3Client s3) {
        String b = UNVERSIONED_BUCKET;
        s3.createBucket(r -> r.bucket(b));
        for (String key : List.of(
                "docs/guide.md", "docs/faq.md", "docs/changelog.md", "docs/specs/api.txt", "docs/specs/model.txt",
                "tmp/cache-1.tmp", "tmp/cache-2.tmp", "tmp/cache-3.tmp", "tmp/upload.part", "notes.txt")) {
            s3.putObject(r -> r.bucket(b).key(key).contentType("text/plain; charset=utf-8"),
                    RequestBody.fromString("contents of " + key, StandardCharsets.UTF_8));
        }
    }

    private static void seedMany(S3Client s3) {
        String b = MANY_BUCKET;
        s3.createBucket(r -> r.bucket(b));
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS, daemonThreads("demo-seed-"));
        try {
            List<Future<?>> futures = new ArrayList<>(MANY_PREFIXES * MANY_PER_PREFIX);
            for (int p = 1; p <= MANY_PREFIXES; p++) {
                for (int i = 1; i <= MANY_PER_PREFIX; i++) {
                    String key = manyKey(p, i);
                    futures.add(pool.submit(() -> s3.putObject(r -> r.bucket(b).key(key).contentType("text/plain"),
                            RequestBody.fromString(key, StandardCharsets.UTF_8))));
                }
            }
            long deadline = System.nanoTime() + SEED_TIMEOUT.toNanos();
            for (Future<?> f : futures) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding " + b, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Seeding " + b + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Seeding " + b + " took longer than " + SEED_TIMEOUT, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code batch-0001/item-00001.txt}; prefix and item are 1-based. */
    static String manyKey(int prefix, int item) {
        return String.format("batch-%04d/item-%05d.txt", prefix, item);
    }

    private static void putVersions(S3Client s3, String bucket, String key, int count, String contentType) {
        for (int v = 1; v <= count; v++) {
            String body = "version " + v + " of " + key + "\n";
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromString(body, StandardCharsets.UTF_8));
        }
    }

    /** Checks that the server really kept versions and delete markers; only warns, the demo still works. */
    private static void verifyVersioned(S3Client s3) {
        ListObjectVersionsIterable pages = s3.listObjectVersionsPaginator(r -> r.bucket(VERSIONED_BUCKET));
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
        int expectedVersions = 3 + 2 + 1 + 4 + 2 + 1 + ODD_KEYS.size() + 2;
        if (versions.size() < expectedVersions || markers.size() < 2 || withoutId > 0 || !markerOn2025) {
            LOG.warn("The demo server did not keep versions as expected in {}: {} versions (expected {}), "
                            + "{} without a version id, {} delete markers (expected 2), latest of "
                            + "reports/2025.csv is a delete marker: {}",
                    VERSIONED_BUCKET, versions.size(), expectedVersions, withoutId, markers.size(), markerOn2025);
        } else {
            LOG.debug("{} holds {} versions and {} delete markers", VERSIONED_BUCKET, versions.size(),
                    markers.size());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
