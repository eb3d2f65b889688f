package org.bucketsweep.app.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Writes the {@value DemoSandbox#MANY_BUCKET} bucket's objects in the background, one daemon thread per prefix, each in
 * key order, so that the sandbox is usable before they are all there. Owns the seed client from then on and closes it
 * when the last thread ends or seeding is stopped.
 */
final class ManyBucketSeeding {

    private static final Logger LOG = LoggerFactory.getLogger(ManyBucketSeeding.class);

    static final int PREFIXES = 3;
    static final int PER_PREFIX = 1_000;
    private static final String THREAD_NAME = "demo-seed-";

    private final DemoSeedClient client;
    private final List<Thread> seeders = new ArrayList<>(PREFIXES);
    /** Completed with true once every object is written; false if seeding failed or was stopped. */
    private final CompletableFuture<Boolean> seeded = new CompletableFuture<>();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Set by {@link #stop} and on the first failure; seeding threads stop at the next key. */
    private volatile boolean stopping;

    ManyBucketSeeding(DemoSeedClient client) {
        this.client = client;
    }

    /** {@code batch-0001/item-00001.txt}; prefix and item are 1-based. */
    static String key(int prefix, int item) {
        return String.format("batch-%04d/item-%05d.txt", prefix, item);
    }

    void start() {
        long t0 = System.nanoTime();
        AtomicInteger running = new AtomicInteger(PREFIXES);
        for (int p = 1; p <= PREFIXES; p++) {
            int prefix = p;
            Thread t = new Thread(() -> {
                try {
                    seedPrefix(prefix);
                } catch (RuntimeException | Error e) {
                    if (!stopping && failure.compareAndSet(null, e)) {
                        stopping = true; // the other prefixes would most likely fail the same way
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        finish(System.nanoTime() - t0);
                    }
                }
            }, THREAD_NAME + p);
            t.setDaemon(true);
            seeders.add(t);
        }
        seeders.forEach(Thread::start);
    }

    /** See {@link DemoSandbox#awaitSeeded(Duration)}. */
    boolean await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        try {
            return seeded.get(nanos, TimeUnit.NANOSECONDS);
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
     * Stops the threads, waiting up to {@code wait} for them (a thread stops before its next key), and closes the
     * client. Returns whether the calling thread was interrupted while waiting.
     */
    boolean stop(Duration wait) {
        stopping = true;
        seeders.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + wait.toNanos();
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
            LOG.debug("Background seeding of {} did not stop within {} ms", DemoSandbox.MANY_BUCKET,
                    wait.toMillis());
        }
        seeded.complete(false); // no-op if seeding already finished
        client.close();
        return interrupted;
    }

    private void seedPrefix(int prefix) {
        for (int i = 1; i <= PER_PREFIX; i++) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                return;
            }
            String key = key(prefix, i);
            client.s3.putObject(r -> r.bucket(DemoSandbox.MANY_BUCKET).key(key).contentType("text/plain"),
                    RequestBody.fromString(key, StandardCharsets.UTF_8));
            written.incrementAndGet();
        }
    }

    /** Runs on the last seeding thread to finish. Never throws. */
    private void finish(long nanos) {
        int total = PREFIXES * PER_PREFIX;
        int done = written.get();
        Throwable failed = failure.get();
        boolean complete = failed == null && done == total;
        try {
            if (complete) {
                LOG.info("Demo sandbox: seeded {} objects into {} in the background in {} ms", done,
                        DemoSandbox.MANY_BUCKET, nanos / 1_000_000);
            } else if (failed != null) {
                LOG.warn("Demo sandbox: seeding {} failed after {} of {} objects; the bucket stays incomplete",
                        DemoSandbox.MANY_BUCKET, done, total, failed);
            } else {
                LOG.info("Demo sandbox: seeding {} stopped after {} of {} objects", DemoSandbox.MANY_BUCKET, done,
                        total);
            }
        } finally {
            seeded.complete(complete);
            client.close();
        }
    }
}
