package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine at its default (adaptive) concurrency against a real server whose proxy answers some requests with
 * 503 SlowDown: it sends fewer at once from then on, and still gives every item its outcome.
 */
class AdaptiveConcurrencyFaultTest {

    private static final RetryPolicy FAST = new RetryPolicy(6, Duration.ofMillis(5), Duration.ofMillis(40));
    private static final String BUCKET = "adaptive";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private ProxiedConnection s3;
    private TestBuckets buckets;

    @BeforeEach
    void connect() throws Exception {
        s3 = ProxiedConnection.to(server.getUri());
        buckets = s3.buckets();
        buckets.versionedBucket(BUCKET);
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void slowDownMakesItSendFewerAtOnceAndEveryItemStillGetsItsOutcome() {
        List<VersionRef> items = new ArrayList<>();
        List<String> keepers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String key = String.format("current/%03d", i);
            buckets.put(BUCKET, key, "x");
            items.add(VersionRef.current(key));
        }
        for (int i = 0; i < 50; i++) {
            String key = String.format("old/%03d", i);
            String old = buckets.put(BUCKET, key, "old");
            keepers.add(buckets.put(BUCKET, key, "new"));
            items.add(new VersionRef(key, old));
        }
        AtomicInteger deletes = new AtomicInteger();
        s3.proxy().setPolicy(r -> {
            if (!r.hasQueryParameter("delete")) {
                return Fault.pass();
            }
            int n = deletes.incrementAndGet();
            return n >= 5 && n <= 7 ? Fault.status(503, "SlowDown", "Please reduce your request rate.") : Fault.pass();
        });
        Events events = new Events();

        DeleteJob job = new DeleteJob(BUCKET, items, false, DeleteOptions.DEFAULTS.withBatchSize(10).withRetry(FAST));
        DeleteSummary summary = new BatchDeleter(s3.connection())
                .run(job, MfaCodeSupplier.NONE, events, new CancellationToken());

        assertThat(events.limits.get(0)).isEqualTo(AdaptiveConcurrency.START);
        assertThat(events.limitAtFirstRetry).as("limit when the first SlowDown was retried")
                .isLessThan(events.highestBeforeFirstRetry);
        assertThat(events.results).hasSize(150);
        assertThat(events.results).extracting(ItemResult::item).containsExactlyInAnyOrderElementsOf(items);
        assertThat(summary.count(DeleteOutcome.DELETE_MARKER_CREATED)).isEqualTo(100);
        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(50);
        assertThat(events.results).filteredOn(r -> r.attempts() > 1).isNotEmpty();
        assertThat(buckets.currentKeys(BUCKET)).hasSize(50).allSatisfy(k -> assertThat(k).startsWith("old/"));
        for (int i = 0; i < 50; i++) {
            assertThat(buckets.versionsOf(BUCKET, String.format("old/%03d", i))).containsExactly(keepers.get(i));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(buckets.markersOf(BUCKET, String.format("current/%03d", i))).hasSize(1);
        }
    }

    /** What the engine told its listener, in order (the engine calls it one call at a time). */
    private static final class Events implements DeleteListener {
        final List<Integer> limits = new ArrayList<>();
        final List<ItemResult> results = new ArrayList<>();
        int highestBeforeFirstRetry;
        Integer limitAtFirstRetry;

        @Override
        public void onResults(List<ItemResult> batch) {
            results.addAll(batch);
        }

        @Override
        public void onRequest(int requestNumber, int attempt, List<VersionRef> items) {
            if (attempt > 1 && limitAtFirstRetry == null) {
                limitAtFirstRetry = limits.get(limits.size() - 1);
            }
        }

        @Override
        public void onConcurrencyLimit(int limit) {
            limits.add(limit);
            if (limitAtFirstRetry == null) {
                highestBeforeFirstRetry = Math.max(highestBeforeFirstRetry, limit);
            }
        }
    }
}
