package org.bucketsweep.model.delete;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.S3Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.RequestPayer;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * The delete engine. Runs a {@link DeleteJob} as DeleteObjects requests of at most {@link DeleteJob#MAX_BATCH} keys,
 * several in flight, and gives every item exactly one {@link ItemResult}:
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
 */
public final class BatchDeleter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDeleter.class);
    private static final Set<String> RETRYABLE_CODES = Set.of("SlowDown", "InternalError", "ServiceUnavailable",
            "Throttling", "ThrottlingException", "RequestTimeout", "RequestTimeTooSkewed", "TooManyRequests",
            "OperationAborted");
    private static final Set<String> TOO_LARGE_CODES = Set.of("MalformedXML", "EntityTooLarge",
            "MaxMessageLengthExceeded", "InvalidArgument");

    private final S3Connection connection;

    public BatchDeleter(S3Connection connection) {
        this.connection = connection;
    }

    /** Runs the job on worker threads and returns when every item has its outcome. */
    public DeleteSummary run(DeleteJob job, MfaCodeSupplier mfa, DeleteListener listener, CancellationToken cancel) {
        List<List<VersionRef>> batches = batches(job);
        int mfaRequests = job.mfaDelete() ? (int) batches.stream().filter(BatchDeleter::namesAVersion).count() : 0;
        // Each MFA request waits for a person's code: one at a time.
        int workers = Math.max(1, Math.min(mfaRequests > 0 ? 1 : job.options().concurrency(), batches.size()));
        Run run = new Run(job, new MfaGate(mfa, job.bucket(), mfaRequests), listener, cancel, batches);
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

    /**
     * Versions and keys without a version (delete markers to add) go in separate requests, so that on an MFA Delete
     * bucket only the requests that need a code ask for one. MFA requests are always full, since each costs the
     * person a code, and they go first: a person who declines the first code has changed nothing.
     */
    static List<List<VersionRef>> batches(DeleteJob job) {
        List<VersionRef> keys = new ArrayList<>();
        List<VersionRef> versions = new ArrayList<>();
        job.items().forEach(ref -> (ref.hasVersion() ? versions : keys).add(ref));
        int size = job.options().batchSize();
        List<List<VersionRef>> batches = new ArrayList<>(
                partition(versions, job.mfaDelete() ? DeleteJob.MAX_BATCH : size));
        batches.addAll(partition(keys, size));
        return batches;
    }

    /** The state of one running job, shared by its workers. */
    private final class Run {
        private final DeleteJob job;
        /** The client of the bucket's region, without the SDK's retries. */
        private final S3Client s3;
        private final MfaGate mfa;
        private final DeleteListener listener;
        private final CancellationToken cancel;
        private final Queue<List<VersionRef>> queue;
        private final AtomicInteger requestNumbers = new AtomicInteger();
        private final AtomicInteger requestsSent = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
        private volatile String stopReason = "The job was cancelled.";

        Run(DeleteJob job, MfaGate mfa, DeleteListener listener, CancellationToken cancel,
            List<List<VersionRef>> batches) {
            this.job = job;
            this.s3 = connection.clientWithoutRetries(job.bucket());
            this.mfa = mfa;
            this.listener = listener;
            this.cancel = cancel;
            this.queue = new ConcurrentLinkedQueue<>(batches);
        }

        void work() {
            List<VersionRef> batch;
            while ((batch = queue.poll()) != null) {
                if (stopping()) {
                    report(notAttempted(batch, stopReason));
                    continue;
                }
                report(delete(batch));
            }
        }

        boolean stopping() {
            return stopped.get() || cancel.isCancelled();
        }

        /** Deletes one batch, retrying, splitting or falling back as the server's answer requires. */
        private List<ItemResult> delete(List<VersionRef> batch) {
            boolean needsMfa = job.mfaDelete() && namesAVersion(batch);
            int requestNumber = requestNumbers.incrementAndGet();
            String refusal = null;
            boolean mfaReasked = false;
            S3Failure last = null;
            int maxAttempts = job.options().retry().maxAttempts();
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                String mfaHeader = null;
                if (needsMfa) {
                    try {
                        mfaHeader = mfa.next(refusal);
                    } catch (MfaCancelledException e) {
                        stopReason = "No MFA code was given, so the job stopped.";
                        stopped.set(true);
                        return notAttempted(batch, stopReason);
                    } catch (MfaGate.MfaCodeReusedException e) {
                        return failAll(batch, "MfaCodeReused", e.getMessage(), null, attempt - 1);
                    }
                }
                listener(requestNumber, attempt, batch);
                try {
                    requestsSent.incrementAndGet();
                    DeleteObjectsResponse response;
                    try {
                        response = s3.deleteObjects(request(batch, mfaHeader));
                    } finally {
                        answered(requestNumber, attempt);
                    }
                    return match(batch, response, job.options().quiet(), attempt);
                } catch (AwsServiceException e) {
                    last = S3Failure.of(e);
                    if (isNotImplemented(e)) {
                        LOG.info("{} has no multi-object delete; deleting one key at a time", job.bucket());
                        return deleteOneByOne(batch, requestNumber);
                    }
                    if (isTooLarge(e, last) && batch.size() > 1) {
                        LOG.info("The server refused {} keys in one request ({}); splitting it", batch.size(),
                                last.code());
                        int half = batch.size() / 2;
                        List<ItemResult> results = new ArrayList<>(delete(batch.subList(0, half)));
                        results.addAll(delete(batch.subList(half, batch.size())));
                        return results;
                    }
                    if (mfaHeader != null && isMfaRefusal(e) && !mfaReasked) {
                        // Ask once more: the person may have mistyped, or the code expired in the meantime.
                        mfaReasked = true;
                        refusal = "The server refused the last code (" + last.summary() + "). Enter a new one.";
                        continue;
                    }
                    if (!isRetryable(e) || attempt == maxAttempts || !pause(attempt)) {
                        return failAll(batch, last.code(), messageFor(last, mfaHeader != null), last.requestId(),
                                attempt);
                    }
                } catch (SdkClientException e) {
                    last = S3Failure.of(e);
                    LOG.info("DeleteObjects attempt {} failed: {}", attempt, last.summary());
                    if (attempt == maxAttempts || !pause(attempt)) {
                        return failAll(batch, last.code(), last.message(), null, attempt);
                    }
                } catch (SdkException e) {
                    last = S3Failure.of(e);
                    return failAll(batch, last.code(), last.message(), null, attempt);
                }
            }
            S3Failure failure = Objects.requireNonNull(last);
            return failAll(batch, failure.code(), messageFor(failure, needsMfa), failure.requestId(), maxAttempts);
        }

        /** For servers that answer DeleteObjects with NotImplemented: DeleteObject, key by key. */
        private List<ItemResult> deleteOneByOne(List<VersionRef> batch, int requestNumber) {
            List<ItemResult> results = new ArrayList<>(batch.size());
            int maxAttempts = job.options().retry().maxAttempts();
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
                            stopReason = "No MFA code was given, so the job stopped.";
                            stopped.set(true);
                            result = ItemResult.notAttempted(ref, stopReason);
                            break;
                        } catch (MfaGate.MfaCodeReusedException e) {
                            result = ItemResult.failed(ref, "MfaCodeReused", e.getMessage(), null, attempt - 1);
                            break;
                        }
                    }
                    listener(requestNumber, attempt, List.of(ref));
                    try {
                        requestsSent.incrementAndGet();
                        DeleteObjectResponse r;
                        try {
                            r = s3.deleteObject(singleRequest(ref, mfaHeader));
                        } finally {
                            answered(requestNumber, attempt);
                        }
                        result = singleResult(ref, r, attempt);
                    } catch (SdkException e) {
                        S3Failure f = S3Failure.of(e);
                        boolean transientFailure = e instanceof SdkClientException
                                || (e instanceof AwsServiceException s && isRetryable(s));
                        if (!transientFailure || attempt == maxAttempts || !pause(attempt)) {
                            result = ItemResult.failed(ref, f.code(), messageFor(f, mfaHeader != null),
                                    f.requestId(), attempt);
                        }
                    }
                }
                results.add(result);
            }
            return results;
        }

        private DeleteObjectsRequest request(List<VersionRef> batch, String mfaHeader) {
            List<ObjectIdentifier> ids = new ArrayList<>(batch.size());
            for (VersionRef ref : batch) {
                ids.add(ObjectIdentifier.builder().key(ref.key()).versionId(ref.versionId()).build());
            }
            DeleteOptions o = job.options();
            return DeleteObjectsRequest.builder()
                    .bucket(job.bucket())
                    .delete(Delete.builder().objects(ids).quiet(o.quiet()).build())
                    .mfa(mfaHeader)
                    .bypassGovernanceRetention(o.bypassGovernanceRetention() ? Boolean.TRUE : null)
                    .expectedBucketOwner(o.expectedBucketOwner())
                    .requestPayer(o.requestPayer() ? RequestPayer.REQUESTER : null)
                    .build();
        }

        private DeleteObjectRequest singleRequest(VersionRef ref, String mfaHeader) {
            DeleteOptions o = job.options();
            return DeleteObjectRequest.builder()
                    .bucket(job.bucket())
                    .key(ref.key())
                    .versionId(ref.versionId())
                    .mfa(mfaHeader)
                    .bypassGovernanceRetention(o.bypassGovernanceRetention() ? Boolean.TRUE : null)
                    .expectedBucketOwner(o.expectedBucketOwner())
                    .requestPayer(o.requestPayer() ? RequestPayer.REQUESTER : null)
                    .build();
        }

        /** Waits before the next attempt; false when the job was cancelled meanwhile. */
        private boolean pause(int attempt) {
            long until = System.nanoTime() + job.options().retry().delayAfter(attempt).toNanos();
            try {
                while (System.nanoTime() < until) {
                    if (cancel.isCancelled()) {
                        return false;
                    }
                    Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !cancel.isCancelled();
        }

        private void listener(int requestNumber, int attempt, List<VersionRef> batch) {
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

        DeleteSummary summary() {
            synchronized (listener) {
                return new DeleteSummary(counts, requestsSent.get());
            }
        }
    }

    private static ItemResult singleResult(VersionRef ref, DeleteObjectResponse r, int attempt) {
        String requestId = r.responseMetadata().requestId();
        boolean marker = Boolean.TRUE.equals(r.deleteMarker());
        String versionId = blankToNull(r.versionId());
        if (ref.hasVersion()) {
            return new ItemResult(ref, marker ? DeleteOutcome.DELETE_MARKER_REMOVED : DeleteOutcome.DELETED,
                    marker ? ref.versionId() : null, null, null, requestId, attempt);
        }
        // Without a version: a marker was added if the response names one.
        return marker || versionId != null
                ? new ItemResult(ref, DeleteOutcome.DELETE_MARKER_CREATED, versionId, null, null, requestId, attempt)
                : new ItemResult(ref, DeleteOutcome.DELETED, null, null, null, requestId, attempt);
    }

    /**
     * Pairs S3's answers with the request's items. Servers answer out of order (Ceph) and may echo a version id the
     * request did not name, so match on key and version id first, then on key alone.
     */
    static List<ItemResult> match(List<VersionRef> batch, DeleteObjectsResponse response, boolean quiet,
                                  int attempt) {
        String requestId = response.responseMetadata().requestId();
        Map<String, Deque<VersionRef>> pending = new HashMap<>();
        for (VersionRef ref : batch) {
            pending.computeIfAbsent(ref.key(), k -> new ArrayDeque<>()).add(ref);
        }
        Map<VersionRef, ItemResult> results = new HashMap<>();
        for (DeletedObject d : response.deleted()) {
            VersionRef ref = take(pending, d.key(), blankToNull(d.versionId()));
            if (ref == null) {
                LOG.warn("S3 reported a deletion nobody asked for: {} {}", d.key(), d.versionId());
                continue;
            }
            results.put(ref, deleted(ref, d, requestId, attempt));
        }
        for (S3Error e : response.errors()) {
            VersionRef ref = take(pending, e.key(), blankToNull(e.versionId()));
            if (ref == null) {
                LOG.warn("S3 reported an error for an item nobody asked for: {} {}", e.key(), e.versionId());
                continue;
            }
            results.put(ref, ItemResult.failed(ref, e.code(), e.message(), requestId, attempt));
        }
        for (Deque<VersionRef> left : pending.values()) {
            for (VersionRef ref : left) {
                results.put(ref, quiet
                        ? new ItemResult(ref, DeleteOutcome.DELETED, null, null,
                                "Quiet mode: no error reported, so taken as deleted (inferred).", requestId, attempt)
                        : ItemResult.failed(ref, "NoResult",
                                "The server returned no result for this item; check whether it still exists.",
                                requestId, attempt));
            }
        }
        List<ItemResult> ordered = new ArrayList<>(batch.size());
        batch.forEach(ref -> ordered.add(results.get(ref)));
        return ordered;
    }

    private static ItemResult deleted(VersionRef ref, DeletedObject d, String requestId, int attempt) {
        boolean marker = Boolean.TRUE.equals(d.deleteMarker());
        String markerVersion = blankToNull(d.deleteMarkerVersionId());
        DeleteOutcome outcome;
        if (ref.hasVersion()) {
            // A marker's own version was named: S3 says DeleteMarker=true and echoes the marker's version id.
            outcome = marker ? DeleteOutcome.DELETE_MARKER_REMOVED : DeleteOutcome.DELETED;
            if (marker && markerVersion == null) {
                markerVersion = ref.versionId();
            }
        } else {
            outcome = marker ? DeleteOutcome.DELETE_MARKER_CREATED : DeleteOutcome.DELETED;
        }
        return new ItemResult(ref, outcome, marker ? markerVersion : null, null, null, requestId, attempt);
    }

    private static VersionRef take(Map<String, Deque<VersionRef>> pending, String key, String versionId) {
        Deque<VersionRef> candidates = pending.get(key);
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        for (Iterator<VersionRef> it = candidates.iterator(); it.hasNext(); ) {
            VersionRef ref = it.next();
            if (Objects.equals(ref.versionId(), versionId)) {
                it.remove();
                return ref;
            }
        }
        // The answer for a key sent without a version may carry the new marker's version id.
        for (Iterator<VersionRef> it = candidates.iterator(); it.hasNext(); ) {
            VersionRef ref = it.next();
            if (!ref.hasVersion()) {
                it.remove();
                return ref;
            }
        }
        return null;
    }

    private static boolean isRetryable(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() >= 500 && e.statusCode() != 501 || e.statusCode() == 429
                || (code != null && RETRYABLE_CODES.contains(code)) || e.isThrottlingException();
    }

    private static boolean isNotImplemented(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 501 || "NotImplemented".equals(code);
    }

    private static boolean isTooLarge(AwsServiceException e, S3Failure failure) {
        return e.statusCode() == 413 || (e.statusCode() == 400 && TOO_LARGE_CODES.contains(failure.code()));
    }

    /** Ceph answers a bad or missing code with 403 and an empty body; AWS with AccessDenied. */
    private static boolean isMfaRefusal(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 403 && (code == null || code.isBlank() || "AccessDenied".equals(code));
    }

    private static String messageFor(S3Failure failure, boolean mfaSent) {
        boolean refused = failure.code().equals("HTTP 403") || failure.code().equals("AccessDenied");
        if (refused && mfaSent) {
            return "The server refused the request: the MFA code was wrong, expired or already used ("
                    + failure.summary() + ").";
        }
        if (failure.code().equals("HTTP 403")) {
            return "The server refused the request (HTTP 403 with no details). On a bucket with MFA Delete this"
                    + " means the MFA code was missing, wrong or already used.";
        }
        return failure.message();
    }

    private static List<ItemResult> failAll(List<VersionRef> batch, String code, String message, String requestId,
                                            int attempts) {
        LOG.warn("DeleteObjects of {} keys failed as a whole: {}: {}", batch.size(), code, message);
        List<ItemResult> failed = new ArrayList<>(batch.size());
        batch.forEach(ref -> failed.add(ItemResult.failed(ref, code, message, requestId, attempts)));
        return failed;
    }

    private static List<ItemResult> notAttempted(List<VersionRef> batch, String why) {
        List<ItemResult> results = new ArrayList<>(batch.size());
        batch.forEach(ref -> results.add(ItemResult.notAttempted(ref, why)));
        return results;
    }

    private static boolean namesAVersion(List<VersionRef> batch) {
        return batch.stream().anyMatch(VersionRef::hasVersion);
    }

    static <T> List<List<T>> partition(List<T> items, int size) {
        List<List<T>> parts = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            parts.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return parts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
