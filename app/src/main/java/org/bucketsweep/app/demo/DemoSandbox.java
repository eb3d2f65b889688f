package org.bucketsweep.app.demo;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo sandbox: an embedded S3-compatible server (Robothy local-s3), seeded with sample buckets so the app can be
 * tried without a cloud account (what they hold: {@link DemoContent}).
 *
 * <ul>
 *   <li>{@value #VERSIONED_BUCKET}: versioning enabled; keys with many versions, a folder whose noncurrent versions
 *       hold most of the bytes, keys whose latest version is a delete marker (they can be "undeleted"), an expired
 *       delete marker, incomplete multipart uploads, and keys with awkward characters.</li>
 *   <li>{@value #UNVERSIONED_BUCKET}: versioning never enabled; a few objects under {@code docs/} and {@code tmp/}.</li>
 *   <li>{@value #SCRATCH_BUCKET}: versioned, a little of everything, to try emptying and deleting a bucket.</li>
 *   <li>{@value #MANY_BUCKET}: 3,000 tiny objects under three prefixes, for paging and bulk deletes. They are
 *       written in the background after {@link #start()} returns (see {@link #awaitSeeded(Duration)}).</li>
 * </ul>
 *
 * <p>local-s3 has no lifecycle support; a {@link LifecycleFront} before it stores lifecycle rules (without ever
 * applying them), so that creating, listing and removing rules can be tried too.
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

    public static final String SCRATCH_BUCKET = "demo-scratch";

    private static final String HOST = "127.0.0.1";
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY_ID = "DEMOACCESSKEY0000000";
    private static final String SECRET_ACCESS_KEY = "demo-secret-key-local-s3-checks-no-signature";
    /** How long {@link #close()} waits for the background seeding threads to stop. */
    private static final Duration SEED_STOP_WAIT = Duration.ofSeconds(2);
    private static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

    private final LocalS3 server;
    private final int port;
    private final LifecycleFront front;
    private final ManyBucketSeeding many;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSandbox(LocalS3 server, int port, LifecycleFront front, ManyBucketSeeding many) {
        this.server = server;
        this.port = port;
        this.front = front;
        this.many = many;
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
        DemoSeedClient client = null;
        ManyBucketSeeding many;
        try {
            client = new DemoSeedClient(endpoint, REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
            DemoContent.seedSmallBuckets(client.s3);
            many = new ManyBucketSeeding(client);
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
        LifecycleFront front;
        try {
            front = LifecycleFront.start(endpoint, DemoContent.lifecycleRules());
        } catch (RuntimeException e) {
            many.stop(SEED_STOP_WAIT); // closes the seed client
            stopQuietly(server);
            throw e;
        }
        DemoSandbox sandbox = new DemoSandbox(server, port, front, many);
        try {
            many.start();
        } catch (RuntimeException | Error e) { // e.g. no thread could be created
            sandbox.close();
            throw new IllegalStateException("Cannot start seeding " + MANY_BUCKET, e);
        }
        long ready = System.nanoTime();
        LOG.info("Demo sandbox ready at {} (server at {}) in {} ms (server {} ms); seeding {} in the background",
                sandbox.endpoint(), endpoint,
                (ready - t0) / 1_000_000, (serverStarted - t0) / 1_000_000, MANY_BUCKET);
        return sandbox;
    }

    /**
     * {@code http://127.0.0.1:PORT} of the {@link LifecycleFront}, which answers lifecycle requests from memory and
     * passes everything else to the server.
     */
    public URI endpoint() {
        return endpointFor(front.port());
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
        return many.await(timeout);
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
        boolean interrupted = many.stop(SEED_STOP_WAIT);
        front.close();
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
}
