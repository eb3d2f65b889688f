package org.bucketsweep.model.uploads;

import java.util.Objects;

/**
 * The outcome of aborting one upload.
 *
 * @param errorCode    S3's error code for {@link AbortOutcome#FAILED}, else {@code null}
 * @param errorMessage S3's message (or why it was not attempted), else {@code null}
 */
public record AbortResult(MultipartUpload upload, AbortOutcome outcome, String errorCode, String errorMessage) {

    public AbortResult {
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(outcome, "outcome");
    }

    static AbortResult of(MultipartUpload upload, AbortOutcome outcome) {
        return new AbortResult(upload, outcome, null, null);
    }
}
