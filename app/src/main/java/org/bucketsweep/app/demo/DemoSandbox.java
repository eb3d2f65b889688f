package org.bucketsweep.app.demo;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.paginators.ListObjectVersionsIterable;

/**
 * The demo sandbox: an embedded S3-compatible server (Robothy local-s3), seeded with three buckets so the app can be
 * tried without a cloud account.
 *
 * <ul>
 *   <li>{@value #VERSIONED_BUCKET}: versioning enabled; several keys with many versions, two keys whose latest
 *       version is a delete marker (they can be "undeleted"), and keys with awkward characters.</li>
 *   <li>{@value #UNVERSIONED_BUCKET}: versioning never enabled; a few objects under {@code docs/} and {@code tmp/}.</li>
 *   <li>{@value #MANY_BUCKET}: 3,000 tiny objects under three prefixes, for paging and bulk deletes. They are
 *       written in the background after {@link #start()} returns (see {@link #awaitSeeded(Duration)}).</li>
 * </ul>
 *
 * <p>The server keeps everything in memory: nothing is written to disk, and the data is gone when the sandbox is
 * closed or the JVM exits.
 *
 * <p>local-s3 2.4 offers no way to choose the bind address: it listens on all interfaces (wildcard address), although
 * the endpoint handed to the app is {@code http://127.0.0.1:PORT}, and it checks no credentials or signatures. That is
 * why the sandbox holds only made-up sample data, and why its credentials are fixed dummy values.
 *
 * <p>local-s3 also registers a JVM shutdown hook of its own on start. Netty's leak detector is switched off (system
 * property {@code io.netty.leakDetection.level=disabled}, unless already set) because local-s3 trips it.
 * {@link #close()} stops listening at once, but connections that are already open are only closed when Netty's
 * graceful shutdown finishes (about two seconds later), so close the app's S3 clients before closing the sandbox.
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
    /** How long {@link #close()} waits for the background seeding threads to stop. */
    private static final Duration SEED_STOP_WAIT = Duration.ofSeconds(2);
    private static final String SEED_THREAD_NAME = "demo-seed-";
    private static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

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
    /** The client that seeded the small buckets; the background seeding of {@value #MANY_BUCKET} goes on using it. */
    private final SeedClient seedClient;
    private final List<Thread> seeders = new ArrayList<>(MANY_PREFIXES);
    /** Completed with true once all of {@value #MANY_BUCKET} is written; false if seeding failed or was stopped. */
    private final CompletableFuture<Boolean> manySeeded = new CompletableFuture<>();
    private final AtomicInteger manyWritten = new AtomicInteger();
    private final AtomicReference<Throwable> seedFailure = new AtomicReference<>();
    /** Set by {@link #close()} and on the first seeding failure; seeding threads stop at the next key. */
    private volatile boolean stopSeeding;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSandbox(LocalS3 server, int port, SeedClient seedClient) {
        this.server = server;
        this.port = port;
        this.seedClient = seedClient;
    }

    /**
     * Starts the in-memory server on a free port and seeds {@value #VERSIONED_BUCKET} and {@value #UNVERSIONED_BUCKET};
     * returns once those are complete and {@value #MANY_BUCKET} exists. The objects of {@value #MANY_BUCKET} are then
     * written by background daemon threads (one per prefix, in key order); see {@link #awaitSeeded(Duration)}.
     *
     * @throws IllegalStateException if the server cannot start or seeding the small buckets fails; the server is
     *         stopped in that case
     */
    public static DemoSandbox start() {
        long t0 = System.nanoTime();
        quietNettyLeakDetector();
        LocalS3 server = null;
        int port = -1;
        for (int attempt = 1; server == null; attempt++) {
            port = freePort();
            try {
                server = startServer(port);
            } catch (RuntimeException e) {
                if (attempt >= 2 || !isBindFailure(e)) {
                    throw new IllegalStateException("Cannot start the demo S3 server on port " + port, e);
                }
                LOG.debug("Port {} was taken before the demo server could bind it; trying another", port, e);
            }
        }
        long serverStarted = System.nanoTime();
        URI endpoint = endpointFor(port);
        SeedClient client = null;
        try {
            client = new SeedClient(endpoint);
            seedSmallBuckets(client.s3);
        } catch (RuntimeException | Error e) {
            if (client != null) {
                client.close();
            }
            stopQuietly(server);
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Seeding the demo sandbox failed", e);
        }
        DemoSandbox sandbox = new DemoSandbox(server, port, client);
        try {
            sandbox.startSeedingMany();
        } catch (RuntimeException | Error e) { // e.g. no thread could be created
            sandbox.close();
            throw new IllegalStateException("Cannot start seeding " + MANY_BUCKET, e);
        }
        long ready = System.nanoTime();
        LOG.info("Demo sandbox ready at {} in {} ms (server {} ms); seeding {} in the background", endpoint,
                (ready - t0) / 1_000_000, (serverStarted - t0) / 1_000_000, MANY_BUCKET);
        return sandbox;
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

    /**
     * Waits up to {@code timeout} for the background seeding of {@value #MANY_BUCKET}.
     *
     * @return true once all its objects are written; false if the timeout elapsed first, if seeding failed (logged at
     *         WARN) or was stopped by {@link #close()}, or if the calling thread was interrupted (its interrupt flag is
     *         set again)
     */
    public boolean awaitSeeded(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        try {
            return manySeeded.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) { // never completed exceptionally
            return false;
        }
    }

    /**
     * Stops the background seeding (waiting up to two seconds for its threads), then stops the server; failures are
     * logged at debug. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopSeeding = true;
        seeders.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + SEED_STOP_WAIT.toNanos();
        boolean interrupted = false;
        for (Thread t : seeders) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (seeders.stream().anyMatch(Thread::isAlive)) {
            LOG.debug("Background seeding of {} did not stop within {} ms", MANY_BUCKET, SEED_STOP_WAIT.toMillis());
        }
        manySeeded.complete(false); // no-op if seeding already finished
        seedClient.close(); // aborts a request still in flight
        stopQuietly(server);
        LOG.info("Demo sandbox at {} closed", endpoint());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------------- server

    private static LocalS3 startServer(int port) {
        // No dataPath: in IN_MEMORY mode local-s3 would otherwise load initial data from it.
        LocalS3 server = LocalS3.builder()
                .port(port)
                .mode(LocalS3Mode.IN_MEMORY)
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

    /**
     * local-s3 leaks a pooled read buffer now and then, and Netty reports that at ERROR with a stack trace (so a
     * logger level of ERROR on {@code io.netty} does not hide it). Turn the detector off unless the user set a level;
     * local-s3 is the only Netty user in the app. Takes effect only if Netty's leak detector is not loaded yet.
     */
    private static void quietNettyLeakDetector() {
        if (System.getProperty(NETTY_LEAK_DETECTION) == null) {
            System.setProperty(NETTY_LEAK_DETECTION, "disabled");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
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

    // ------------------------------------------------------------------------------------------------------ seeding

    /** An S3 client for seeding, with its own HTTP client; closed once. */
    private static final class SeedClient {
        final S3Client s3;
        private final SdkHttpClient http;
        private final AtomicBoolean closed = new AtomicBoolean();

        SeedClient(URI endpoint) {
            http = Apache5HttpClient.builder()
                    .maxConnections(MANY_PREFIXES * 2)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30))
                    .build();
            try {
                s3 = S3Client.builder()
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
            } catch (RuntimeException | Error e) {
                http.close();
                throw e;
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                s3.close();
                http.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the demo seeding client failed", e);
            }
        }
    }

    /** The two small buckets, their verification, and the empty {@value #MANY_BUCKET}. */
    private static void seedSmallBuckets(S3Client s3) {
        long t0 = System.nanoTime();
        seedVersioned(s3);
        long t1 = System.nanoTime();
        seedUnversioned(s3);
        long t2 = System.nanoTime();
        verifyVersioned(s3);
        long t3 = System.nanoTime();
        s3.createBucket(r -> r.bucket(MANY_BUCKET));
        LOG.debug("Seeding times: {} {} ms, {} {} ms, verification {} ms",
                VERSIONED_BUCKET, (t1 - t0) / 1_000_000, UNVERSIONED_BUCKET, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000);
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

    /** Starts one daemon thread per prefix of {@value #MANY_BUCKET}; each writes its keys in key order. */
    private void startSeedingMany() {
        long t0 = System.nanoTime();
        AtomicInteger running = new AtomicInteger(MANY_PREFIXES);
        for (int p = 1; p <= MANY_PREFIXES; p++) {
            int prefix = p;
            Thread t = new Thread(() -> {
                try {
                    seedManyPrefix(prefix);
                } catch (RuntimeException | Error e) {
                    if (!stopSeeding && seedFailure.compareAndSet(null, e)) {
                        stopSeeding = true; // the other prefixes would most likely fail the same way
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        finishSeedingMany(System.nanoTime() - t0);
                    }
                }
            }, SEED_THREAD_NAME + p);
            t.setDaemon(true);
            seeders.add(t);
        }
        seeders.forEach(Thread::start);
    }

    private void seedManyPrefix(int prefix) {
        S3Client s3 = seedClient.s3;
        for (int i = 1; i <= MANY_PER_PREFIX; i++) {
            if (stopSeeding || Thread.currentThread().isInterrupted()) {
                return;
            }
            String key = manyKey(prefix, i);
            s3.putObject(r -> r.bucket(MANY_BUCKET).key(key).contentType("text/plain"),
                    RequestBody.fromString(key, StandardCharsets.UTF_8));
            manyWritten.incrementAndGet();
        }
    }

    /** Runs on the last seeding thread to finish. Never throws. */
    private void finishSeedingMany(long nanos) {
        int total = MANY_PREFIXES * MANY_PER_PREFIX;
        int written = manyWritten.get();
        Throwable failure = seedFailure.get();
        boolean complete = failure == null && written == total;
        try {
            if (complete) {
                LOG.info("Demo sandbox: seeded {} objects into {} in the background in {} ms", written, MANY_BUCKET,
                        nanos / 1_000_000);
            } else if (failure != null) {
                LOG.warn("Demo sandbox: seeding {} failed after {} of {} objects; the bucket stays incomplete",
                        MANY_BUCKET, written, total, failure);
            } else {
                LOG.info("Demo sandbox: seeding {} stopped after {} of {} objects", MANY_BUCKET, written, total);
            }
        } finally {
            manySeeded.complete(complete);
            seedClient.close();
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
}
