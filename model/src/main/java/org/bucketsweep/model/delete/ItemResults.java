package org.bucketsweep.model.delete;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Turns S3's answers (or the lack of one) into exactly one {@link ItemResult} per item sent. */
final class ItemResults {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDeleter.class);

    private ItemResults() {
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
            results.put(ref, ItemResult.failed(ref, e.code(), ServerAnswers.PRECONDITION_FAILED.equals(e.code())
                    ? ServerAnswers.CHANGED_SINCE_PREVIEW : e.message(), requestId, attempt));
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

    /** The answer to a single DeleteObject. */
    static ItemResult single(VersionRef ref, DeleteObjectResponse r, int attempt) {
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

    /** A request that failed as a whole: each of its keys fails with that error. */
    static List<ItemResult> failAll(List<VersionRef> batch, String code, String message, String requestId,
                                    int attempts) {
        LOG.warn("DeleteObjects of {} keys failed as a whole: {}: {}", batch.size(), code, message);
        List<ItemResult> failed = new ArrayList<>(batch.size());
        batch.forEach(ref -> failed.add(ItemResult.failed(ref, code, message, requestId, attempts)));
        return failed;
    }

    static List<ItemResult> notAttempted(List<VersionRef> batch, String why) {
        List<ItemResult> results = new ArrayList<>(batch.size());
        batch.forEach(ref -> results.add(ItemResult.notAttempted(ref, why)));
        return results;
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

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
