package org.bucketsweep.model.delete;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;

/**
 * The state of one running job, shared by its workers: each {@link #work()} takes batches off the queue until none
 * is left, and sends each with retries, splits or the one-by-one fallback as the server's answer requires.
 */
final class DeleteRun {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDeleter.class);
    private static final String NO_MFA_CODE = "No MFA code was given, so the job stopped.";

    private final DeleteJob job;
    /** The client of the bucket's region, without the SDK's retries. */
    private final S3Client s3;
    private final DeleteRequests requests;
    private final Backoff backoff;
    private final MfaGate mfa;
    private final ConditionalGate conditional;
    private final ConcurrencyGate gate;
    private final DeleteListener listener;
    private final CancellationToken cancel;
    private final Queue<List<VersionRef>> queue;
    private final AtomicInteger requestNumbers = new AtomicInteger();
    private final AtomicInteger requestsSent = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
    private volatile String stopReason = "The job was cancelled.";

    DeleteRun(DeleteJob job, S3Client s3, MfaGate mfa, ConditionalGate conditional, ConcurrencyLimit limit,
              DeleteListener listener, CancellationToken cancel, List<List<VersionRef>> batches) {
        this.conditional = conditional;
        this.gate = new ConcurrencyGate(limit, this::limitChanged);
        this.job = job;
        this.s3 = s3;
        this.requests = new DeleteRequests(job);
        this.backoff = new Backoff(job.options().retry(), cancel);
        this.mfa = mfa;
        this.listener = listener;
        this.cancel = cancel;
        this.queue = new ConcurrentLinkedQueue<>(batches);
    }

    void work() {
        List<VersionRef> batch;
        while ((batch = queue.poll()) != null) {
            if (stopping()) {
                report(ItemResults.notAttempted(batch, stopReason));
                continue;
            }
            report(delete(batch));
        }
    }

    DeleteSummary summary() {
        synchronized (listener) {
            return new DeleteSummary(counts, requestsSent.get());
        }
    }

    private boolean stopping() {
        return stopped.get() || cancel.isCancelled();
    }

    /** Deletes one batch, retrying, splitting or falling back as the server's answer requires. */
    private List<ItemResult> delete(List<VersionRef> planned) {
        if (stopping()) {
            return ItemResults.notAttempted(planned, stopReason);
        }
        List<VersionRef> batch = conditional.withoutETags() ? withoutETags(planned) : planned;
        boolean needsMfa = job.mfaDelete() && Batches.namesAVersion(batch);
        int requestNumber = requestNumbers.incrementAndGet();
        String refusal = null;
        boolean mfaReasked = false;
        S3Failure last = null;
        int maxAttempts = backoff.maxAttempts();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String mfaHeader = null;
            if (needsMfa) {
                try {
                    mfaHeader = mfa.next(refusal);
                } catch (MfaCancelledException e) {
                    return stopForMfa(batch);
                } catch (MfaGate.MfaCodeReusedException e) {
                    return ItemResults.failAll(batch, "MfaCodeReused", e.getMessage(), null, attempt - 1);
                }
            }
            String header = mfaHeader;
            try {
                DeleteObjectsResponse response = send(requestNumber, attempt, batch,
                        () -> s3.deleteObjects(requests.many(batch, header)));
                if (response == null) {
                    return ItemResults.notAttempted(batch, stopReason);
                }
                return ItemResults.match(batch, response, job.options().quiet(), attempt);
            } catch (AwsServiceException e) {
                last = S3Failure.of(e);
                if (ServerAnswers.isNotImplemented(e)) {
                    // A server without multi-object delete, before anything about ETags: one DeleteObject per key
                    // still carries the ETag, as If-Match.
                    LOG.info("{} has no multi-object delete; deleting one key at a time", job.bucket());
                    return deleteOneByOne(batch, requestNumber);
                }
                if (carriesETags(batch) && ServerAnswers.isETagRejection(e, last, batch.size())) {
                    return eTagsRejected(batch, last, attempt);
                }
                if (ServerAnswers.isTooLarge(e, last) && batch.size() > 1) {
                    LOG.info("The server refused {} keys in one request ({}); splitting it", batch.size(),
                            last.code());
                    int half = batch.size() / 2;
                    List<ItemResult> results = new ArrayList<>(delete(batch.subList(0, half)));
                    results.addAll(delete(batch.subList(half, batch.size())));
                    return results;
                }
                if (mfaHeader != null && ServerAnswers.isMfaRefusal(e) && !mfaReasked) {
                    // Ask once more: the person may have mistyped, or the code expired in the meantime.
                    mfaReasked = true;
                    refusal = "The server refused the last code (" + last.summary() + "). Enter a new one.";
                    continue;
                }
                if (!ServerAnswers.isRetryable(e) || attempt == maxAttempts || !backoff.pause(attempt)) {
                    return ItemResults.failAll(batch, last.code(),
                            ServerAnswers.messageFor(last, mfaHeader != null), last.requestId(), attempt);
                }
            } catch (SdkClientException e) {
                last = S3Failure.of(e);
                LOG.info("DeleteObjects attempt {} failed: {}", attempt, last.summary());
                if (attempt == maxAttempts || !backoff.pause(attempt)) {
                    return ItemResults.failAll(batch, last.code(), last.message(), null, attempt);
                }
            } catch (SdkException e) {
                last = S3Failure.of(e);
                return ItemResults.failAll(batch, last.code(), last.message(), null, attempt);
            }
        }
        S3Failure failure = Objects.requireNonNull(last);
        return ItemResults.failAll(batch, failure.code(), ServerAnswers.messageFor(failure, needsMfa),
                failure.requestId(), maxAttempts);
    }

    /**
     * The server refused the request because of its ETags, so nothing of it was deleted. The job goes on without
     * them only if the person agrees (asked once per job); else it stops, this batch failing with the reason.
     */
    private List<ItemResult> eTagsRejected(List<VersionRef> batch, S3Failure failure, int attempt) {
        String answer = failure.summary();
        if (conditional.rejected(answer)) {
            LOG.info("{} rejects conditional deletes ({}); going on without ETags, as agreed", job.bucket(), answer);
            return delete(withoutETags(batch));
        }
        String reason = "The server does not support conditional delete (it rejected the previewed ETags: " + answer
                + "), so nothing more was deleted" + (conditional.neverFallsBack()
                ? ": this job deletes only objects unchanged since the preview."
                : ": deleting without that check was declined.");
        stopReason = reason;
        stopped.set(true);
        return ItemResults.failAll(batch, BatchDeleter.CONDITIONAL_DELETE_UNSUPPORTED, reason, failure.requestId(), attempt);
    }

    private static boolean carriesETags(List<VersionRef> batch) {
        return batch.stream().anyMatch(VersionRef::hasETag);
    }

    private static List<VersionRef> withoutETags(List<VersionRef> batch) {
        return carriesETags(batch) ? batch.stream().map(VersionRef::withoutETag).toList() : batch;
    }

    /** For servers that answer DeleteObjects with NotImplemented: DeleteObject, key by key. */
    private List<ItemResult> deleteOneByOne(List<VersionRef> batch, int requestNumber) {
        List<ItemResult> results = new ArrayList<>(batch.size());
        int maxAttempts = backoff.maxAttempts();
        for (VersionRef ref : batch) {
            if (stopping()) {
                results.add(ItemResult.notAttempted(ref, stopReason));
                continue;
            }
            ItemResult result = null;
            for (int attempt = 1; result == null; attempt++) {
                String mfaHeader = null;
                if (job.mfaDelete() && ref.hasVersion()) {
                    try {
                        mfaHeader = mfa.next(null);
                    } catch (MfaCancelledException e) {
                        result = stopForMfa(List.of(ref)).get(0);
                        break;
                    } catch (MfaGate.MfaCodeReusedException e) {
                        result = ItemResult.failed(ref, "MfaCodeReused", e.getMessage(), null, attempt - 1);
                        break;
                    }
                }
                String header = mfaHeader;
                try {
                    DeleteObjectResponse r = send(requestNumber, attempt, List.of(ref),
                            () -> s3.deleteObject(requests.one(ref, header)));
                    result = r == null ? ItemResult.notAttempted(ref, stopReason) : ItemResults.single(ref, r, attempt);
                } catch (SdkException e) {
                    S3Failure f = S3Failure.of(e);
                    boolean transientFailure = e instanceof SdkClientException
                            || (e instanceof AwsServiceException s && ServerAnswers.isRetryable(s));
                    if (!transientFailure || attempt == maxAttempts || !backoff.pause(attempt)) {
                        result = ItemResult.failed(ref, f.code(), ServerAnswers.PRECONDITION_FAILED.equals(f.code())
                                ? ServerAnswers.CHANGED_SINCE_PREVIEW : ServerAnswers.messageFor(f, mfaHeader != null),
                                f.requestId(), attempt);
                    }
                }
            }
            results.add(result);
        }
        return results;
    }

    /**
     * Sends one attempt once the gate lets it through, and tells the gate how it went. Returns {@code null}, sending
     * nothing, when the job stops while the attempt waits for a slot.
     */
    private <T> T send(int requestNumber, int attempt, List<VersionRef> items, Supplier<T> call) {
        if (!gate.enter(this::stopping)) {
            return null;
        }
        sending(requestNumber, attempt, items);
        requestsSent.incrementAndGet();
        long start = System.nanoTime();
        RequestSample.Signal signal = RequestSample.Signal.OTHER;
        try {
            T answer = call.get();
            signal = RequestSample.Signal.ANSWERED;
            return answer;
        } catch (RuntimeException e) {
            signal = RequestSample.Signal.of(e);
            throw e;
        } finally {
            answered(requestNumber, attempt);
            gate.leave(new RequestSample(start, System.nanoTime(), items.size(), signal));
        }
    }

    /** Tells the listener the limit a job starts with. */
    void announceLimit() {
        gate.announce();
    }

    private void limitChanged(int limit) {
        synchronized (listener) {
            listener.onConcurrencyLimit(limit);
        }
    }

    private List<ItemResult> stopForMfa(List<VersionRef> batch) {
        stopReason = NO_MFA_CODE;
        stopped.set(true);
        return ItemResults.notAttempted(batch, stopReason);
    }

    private void sending(int requestNumber, int attempt, List<VersionRef> batch) {
        synchronized (listener) {
            listener.onRequest(requestNumber, attempt, batch);
        }
    }

    private void answered(int requestNumber, int attempt) {
        synchronized (listener) {
            listener.onResponse(requestNumber, attempt);
        }
    }

    private void report(List<ItemResult> results) {
        synchronized (listener) {
            results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
            listener.onResults(Collections.unmodifiableList(results));
        }
    }
}
