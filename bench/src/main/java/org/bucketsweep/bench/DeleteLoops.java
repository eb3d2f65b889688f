package org.bucketsweep.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bucketsweep.bench.DeleteRunTypes.Run;
import org.bucketsweep.bench.DeleteRunTypes.Stopwatch;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteListener;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** The two Java ways of deleting that the benches time: BucketSweep's engine and a plain SDK loop. */
final class DeleteLoops {

    static final int BATCH = DeleteJob.MAX_BATCH;

    private DeleteLoops() {
    }

    /**
     * BucketSweep's engine, as the app runs it: verbose DeleteObjects, 1000 keys per request; every item must end
     * with {@code expected}. The outcomes text also says which limits the engine chose.
     */
    static Run engine(S3Connection connection, String bucket, List<VersionRef> refs, int concurrency,
                      DeleteOutcome expected) {
        DeleteJob job = new DeleteJob(bucket, refs, false,
                DeleteOptions.DEFAULTS.withBatchSize(BATCH).withConcurrency(concurrency));
        CountingListener listener = new CountingListener();
        Stopwatch sw = Stopwatch.start();
        DeleteSummary summary = new BatchDeleter(connection)
                .run(job, MfaCodeSupplier.NONE, listener, new CancellationToken());
        sw.stop();
        Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
        summary.counts().forEach((k, c) -> {
            if (c > 0) {
                counts.put(k, c);
            }
        });
        String outcomes = counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(" ", "[", "]")) + " requests=" + summary.requestsSent()
                + " limits=" + listener.limits;
        int matching = summary.count(expected);
        if (matching != refs.size() || summary.total() != refs.size() || listener.results.get() != refs.size()) {
            return Run.failed("outcomes do not add up: " + matching + " " + expected + " of " + refs.size()
                    + ", listener heard " + listener.results.get(), outcomes);
        }
        return Run.ok(sw, refs.size(), outcomes);
    }

    /** Counts results, as cheaply as a listener can, and keeps the limits the engine announced. */
    private static final class CountingListener implements DeleteListener {
        final AtomicInteger results = new AtomicInteger();
        final List<Integer> limits = new ArrayList<>();

        @Override
        public void onResults(List<ItemResult> r) {
            results.addAndGet(r.size());
        }

        @Override
        public void onConcurrencyLimit(int limit) {
            limits.add(limit);
        }
    }

    /** The ceiling: a fixed pool of {@code concurrency} threads, one DeleteObjects of 1000 keys per task. */
    static Run sdk(S3Client client, String bucket, List<VersionRef> refs, int concurrency)
            throws InterruptedException {
        List<List<VersionRef>> batches = partition(refs, BATCH);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            Stopwatch sw = Stopwatch.start();
            List<Future<int[]>> futures = new ArrayList<>(batches.size());
            for (List<VersionRef> batch : batches) {
                futures.add(pool.submit(() -> {
                    List<ObjectIdentifier> ids = new ArrayList<>(batch.size());
                    for (VersionRef ref : batch) {
                        ids.add(ObjectIdentifier.builder().key(ref.key()).versionId(ref.versionId()).build());
                    }
                    DeleteObjectsResponse r = client.deleteObjects(d -> d.bucket(bucket)
                            .delete(Delete.builder().objects(ids).quiet(false).build()));
                    return new int[] {r.deleted().size(), r.errors().size()};
                }));
            }
            int deleted = 0;
            int errors = 0;
            int failedRequests = 0;
            for (Future<int[]> f : futures) {
                try {
                    int[] r = f.get();
                    deleted += r[0];
                    errors += r[1];
                } catch (ExecutionException e) {
                    failedRequests++;
                }
            }
            sw.stop();
            String outcomes = "[deleted=" + deleted + (errors > 0 ? " errors=" + errors : "")
                    + (failedRequests > 0 ? " failedRequests=" + failedRequests : "") + "] requests="
                    + batches.size();
            if (deleted != refs.size() || errors > 0 || failedRequests > 0) {
                return Run.failed("outcomes do not add up: " + deleted + " deleted of " + refs.size(), outcomes);
            }
            return Run.ok(sw, refs.size(), outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> List<List<T>> partition(List<T> items, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            parts.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return parts;
    }
}
