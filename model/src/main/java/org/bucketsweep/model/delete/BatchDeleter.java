package org.bucketsweep.model.delete;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;

/**
 * The delete engine. Runs a {@link DeleteJob} as DeleteObjects requests of at most {@link DeleteJob#MAX_BATCH} keys,
 * several in flight (as many as the person chose, or as many as {@link AdaptiveConcurrency} finds the server
 * takes), and gives every item exactly one {@link ItemResult}:
 * <ul>
 *   <li>from S3's per-key answer (verbose mode by default, so every key gets one);</li>
 *   <li>from a whole-request failure: every key of that request fails with its code, and the other requests run;</li>
 *   <li>{@code NOT_ATTEMPTED} when the job is cancelled (or the person declines an MFA code) before the item's
 *       request is sent.</li>
 * </ul>
 * Transient failures (503 SlowDown, 500, throttling, resets, timeouts) are retried with backoff. A server without
 * multi-object delete (NotImplemented) gets one DeleteObject per key; a request the server finds too large
 * (MalformedXML, 413) is split in halves. On an MFA Delete bucket, every request that names a version carries a fresh
 * code, and a refused code is asked for once more.
 *
 * <p>The work is shared out: {@link Batches} cuts the job into requests, {@link DeleteRun} sends them (with
 * {@link DeleteRequests} building each, {@link ServerAnswers} and {@link Backoff} deciding what a failure means, and
 * {@link ItemResults} reading the answers); this class only provides the worker threads.
 */
public final class BatchDeleter {

    /**
     * The error code of the items of a request the server refused because of their ETags, when the job did not go
     * on without them: nothing of that request was deleted, and nothing after it.
     */
    public static final String CONDITIONAL_DELETE_UNSUPPORTED = "ConditionalDeleteUnsupported";

    private final S3Connection connection;

    public BatchDeleter(S3Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs the job on worker threads and returns when every item has its outcome. If the server rejects the
     * previewed ETags, nothing more is deleted (as {@link ConditionalDeleteFallback#DECLINE}).
     */
    public DeleteSummary run(DeleteJob job, MfaCodeSupplier mfa, DeleteListener listener, CancellationToken cancel) {
        return run(job, mfa, ConditionalDeleteFallback.DECLINE, listener, cancel);
    }

    /**
     * As {@link #run(DeleteJob, MfaCodeSupplier, DeleteListener, CancellationToken)}; {@code fallback} is asked,
     * once, whether to go on without ETags if the server rejects them ({@link IfUnchanged#AUTO} only).
     */
    public DeleteSummary run(DeleteJob job, MfaCodeSupplier mfa, ConditionalDeleteFallback fallback,
                             DeleteListener listener, CancellationToken cancel) {
        List<List<VersionRef>> batches = Batches.of(job);
        int mfaRequests = Batches.needingMfa(job, batches);
        ConcurrencyLimit limit = limitFor(job, mfaRequests);
        int workers = Math.max(1, Math.min(job.options().adaptiveConcurrency() && mfaRequests == 0
                ? AdaptiveConcurrency.MAX : limit.limit(), batches.size()));
        DeleteRun run = new DeleteRun(job, connection.clientWithoutRetries(job.bucket()),
                new MfaGate(mfa, job.bucket(), mfaRequests), new ConditionalGate(job.options().ifUnchanged(), fallback),
                limit, listener, cancel, batches);
        run.announceLimit();
        if (workers == 1) {
            run.work();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "delete-" + job.bucket());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    futures.add(pool.submit(run::work));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A delete worker failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return run.summary();
    }

    private static ConcurrencyLimit limitFor(DeleteJob job, int mfaRequests) {
        if (mfaRequests > 0) {
            // Each MFA request waits for a person's code: one at a time.
            return ConcurrencyLimit.fixed(1);
        }
        int fixed = job.options().concurrency();
        return fixed == DeleteOptions.ADAPTIVE ? new AdaptiveConcurrency() : ConcurrencyLimit.fixed(fixed);
    }
}
