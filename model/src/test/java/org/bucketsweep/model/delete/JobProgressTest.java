package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the jobs panel shows while a job runs: items done, requests in flight, rate and time left. */
class JobProgressTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @Test
    void aRealJobEndsWithEveryItemDoneAndNoRequestInFlight() {
        try (S3Connection connection = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            TestBuckets buckets = new TestBuckets(connection.client());
            buckets.plainBucket("progress");
            List<VersionRef> items = new ArrayList<>();
            IntStream.range(0, 2500).forEach(i -> items.add(VersionRef.current("p/" + i)));
            JobProgress progress = new JobProgress(items.size());
            List<Integer> inFlightWhenSent = Collections.synchronizedList(new ArrayList<>());
            DeleteListener watcher = new DeleteListener() {
                @Override
                public void onResults(List<ItemResult> results) {
                }

                @Override
                public void onRequest(int requestNumber, int attempt, List<VersionRef> batch) {
                    inFlightWhenSent.add(progress.snapshot().inFlight());
                }
            };

            new BatchDeleter(connection).run(new DeleteJob("progress", items, false, DeleteOptions.DEFAULTS),
                    MfaCodeSupplier.NONE, DeleteListener.both(progress, watcher), new CancellationToken());
            progress.finish();

            JobProgress.Snapshot end = progress.snapshot();
            assertThat(end.done()).isEqualTo(2500);
            assertThat(end.fraction()).isEqualTo(1.0);
            assertThat(end.requestsSent()).isEqualTo(3);
            assertThat(end.inFlight()).isZero();
            assertThat(end.counts()).containsEntry(DeleteOutcome.DELETED, 2500)
                    .containsEntry(DeleteOutcome.FAILED, 0);
            assertThat(end.remaining()).contains(Duration.ZERO);
            // Each request was counted in flight from the moment it was sent.
            assertThat(inFlightWhenSent).hasSize(3).allSatisfy(n -> assertThat(n).isBetween(1, 3));
        }
    }

    @Test
    void theTimeLeftFollowsTheRateSoFarAndTheClockStopsAtTheEnd() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        JobProgress progress = new JobProgress(1000, now::get);
        assertThat(progress.snapshot().remaining()).isEmpty();

        progress.onRequest(1, 1, List.of());
        now.addAndGet(2_000_000_000L);
        progress.onResponse(1, 1);
        progress.onResults(results(250));

        JobProgress.Snapshot running = progress.snapshot();
        assertThat(running.itemsPerSecond()).isEqualTo(125.0);
        assertThat(running.remaining()).contains(Duration.ofSeconds(6));
        assertThat(running.fraction()).isEqualTo(0.25);

        progress.finish();
        now.addAndGet(60_000_000_000L);
        assertThat(progress.snapshot().elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    private static List<ItemResult> results(int n) {
        return IntStream.range(0, n).mapToObj(i -> ItemResult.notAttempted(VersionRef.current("k" + i), "test"))
                .toList();
    }
}
