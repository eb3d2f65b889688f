package org.bucketsweep.model.delete;

import java.util.Objects;

/**
 * The outcome of one item of a delete job.
 *
 * @param deleteMarkerVersionId for {@link DeleteOutcome#DELETE_MARKER_CREATED} the new marker's version id, for
 *                              {@link DeleteOutcome#DELETE_MARKER_REMOVED} the removed marker's; else {@code null}
 * @param errorCode             S3's error code for {@link DeleteOutcome#FAILED}, else {@code null}
 * @param errorMessage          S3's message (or ours) for {@link DeleteOutcome#FAILED}; for
 *                              {@link DeleteOutcome#RESTORED} which version the copy created; else {@code null}
 * @param requestId             the id S3 gave the request that carried this item, when there was one
 * @param attempts              how many times the item was sent (0 when it was not)
 */
public record ItemResult(VersionRef item, DeleteOutcome outcome, String deleteMarkerVersionId, String errorCode,
                         String errorMessage, String requestId, int attempts) {

    public ItemResult {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static ItemResult failed(VersionRef item, String code, String message, String requestId, int attempts) {
        return new ItemResult(item, DeleteOutcome.FAILED, null, code, message, requestId, attempts);
    }

    public static ItemResult notAttempted(VersionRef item, String why) {
        return new ItemResult(item, DeleteOutcome.NOT_ATTEMPTED, null, null, why, null, 0);
    }

    public String key() {
        return item.key();
    }

    public String versionId() {
        return item.versionId();
    }
}
