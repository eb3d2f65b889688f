package org.bucketsweep.model.delete;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.S3Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Runs a {@link DeleteJob} as DeleteObjects requests of at most {@link DeleteJob#MAX_BATCH} keys, and gives every
 * item exactly one {@link ItemResult}: from S3's per-key answer, from a whole-request failure (every key of that
 * request fails with its code, and the next request still runs), or {@code NOT_ATTEMPTED} when the job stops first.
 */
public final class BatchDeleter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDeleter.class);

    private final S3Client s3;

    public BatchDeleter(S3Connection connection) {
        this.s3 = connection.client();
    }

    /**
     * Runs the job on the calling thread. {@code listener} receives each request's results as soon as its response
     * arrives (on this thread); the returned summary counts them all.
     */
    public DeleteSummary run(DeleteJob job, MfaCodeSupplier mfa, Consumer<List<ItemResult>> listener,
                             CancellationToken cancel) {
        List<List<VersionRef>> batches = partition(job.items(), job.batchSize());
        int mfaTotal = job.mfaDelete() ? (int) batches.stream().filter(BatchDeleter::namesAVersion).count() : 0;
        int mfaAsked = 0;
        int sent = 0;
        List<ItemResult> all = new ArrayList<>(job.items().size());
        Consumer<List<ItemResult>> report = results -> {
            all.addAll(results);
            listener.accept(results);
        };
        for (int i = 0; i < batches.size(); i++) {
            List<VersionRef> batch = batches.get(i);
            if (cancel.isCancelled()) {
                report.accept(notAttempted(batches.subList(i, batches.size()), "The job was cancelled."));
                break;
            }
            String mfaHeader = null;
            if (job.mfaDelete() && namesAVersion(batch)) {
                try {
                    mfaHeader = mfa.serialAndCode(new MfaRequest(job.bucket(), ++mfaAsked, mfaTotal, null));
                } catch (MfaCancelledException e) {
                    report.accept(notAttempted(batches.subList(i, batches.size()), "No MFA code was given."));
                    break;
                }
            }
            sent++;
            report.accept(send(job, batch, mfaHeader));
        }
        return DeleteSummary.of(all, sent);
    }

    private List<ItemResult> send(DeleteJob job, List<VersionRef> batch, String mfaHeader) {
        List<ObjectIdentifier> ids = new ArrayList<>(batch.size());
        for (VersionRef ref : batch) {
            ids.add(ObjectIdentifier.builder().key(ref.key()).versionId(ref.versionId()).build());
        }
        DeleteObjectsRequest request = DeleteObjectsRequest.builder()
                .bucket(job.bucket())
                .delete(Delete.builder().objects(ids).quiet(job.quiet()).build())
                .mfa(mfaHeader)
                .build();
        try {
            DeleteObjectsResponse response = s3.deleteObjects(request);
            return match(batch, response, job.quiet());
        } catch (SdkException e) {
            S3Failure failure = S3Failure.of(e);
            LOG.warn("DeleteObjects of {} keys in {} failed as a whole: {}", batch.size(), job.bucket(),
                    failure.summary());
            String message = failure.message();
            if (mfaHeader != null && (failure.code().equals("HTTP 403") || failure.code().equals("AccessDenied"))) {
                message = "The server refused the request: the MFA code was wrong, expired or already used ("
                        + failure.summary() + ").";
            }
            String finalMessage = message;
            List<ItemResult> failed = new ArrayList<>(batch.size());
            batch.forEach(ref -> failed.add(ItemResult.failed(ref, failure.code(), finalMessage, failure.requestId())));
            return failed;
        }
    }

    /**
     * Pairs S3's answers with the request's items. Servers answer out of order (Ceph) and may echo a version id the
     * request did not name, so match on key and version id first, then on key alone.
     */
    static List<ItemResult> match(List<VersionRef> batch, DeleteObjectsResponse response, boolean quiet) {
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
            results.put(ref, deleted(ref, d, requestId));
        }
        for (S3Error e : response.errors()) {
            VersionRef ref = take(pending, e.key(), blankToNull(e.versionId()));
            if (ref == null) {
                LOG.warn("S3 reported an error for an item nobody asked for: {} {}", e.key(), e.versionId());
                continue;
            }
            results.put(ref, ItemResult.failed(ref, e.code(), e.message(), requestId));
        }
        for (Deque<VersionRef> left : pending.values()) {
            for (VersionRef ref : left) {
                results.put(ref, quiet
                        ? new ItemResult(ref, DeleteOutcome.DELETED, null, null,
                                "Quiet mode: no error reported, so taken as deleted.", requestId)
                        : ItemResult.failed(ref, "NoResult",
                                "The server returned no result for this item; check whether it still exists.",
                                requestId));
            }
        }
        List<ItemResult> ordered = new ArrayList<>(batch.size());
        batch.forEach(ref -> ordered.add(results.get(ref)));
        return ordered;
    }

    private static ItemResult deleted(VersionRef ref, DeletedObject d, String requestId) {
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
        return new ItemResult(ref, outcome, marker ? markerVersion : null, null, null, requestId);
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

    private static List<ItemResult> notAttempted(List<List<VersionRef>> batches, String why) {
        List<ItemResult> results = new ArrayList<>();
        batches.forEach(b -> b.forEach(ref -> results.add(ItemResult.notAttempted(ref, why))));
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
