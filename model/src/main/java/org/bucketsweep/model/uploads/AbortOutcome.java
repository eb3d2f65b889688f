package org.bucketsweep.model.uploads;

/** What happened to one incomplete multipart upload that was to be aborted. Every upload ends with exactly one. */
public enum AbortOutcome {
    /** AbortMultipartUpload succeeded: the parts are deleted and no longer billed. */
    ABORTED("Aborted"),
    /** The upload was completed or aborted by someone else after it was listed (NoSuchUpload): nothing to do. */
    ALREADY_GONE("Already gone"),
    /** The server refused, or the request failed after its retries. */
    FAILED("Failed"),
    /** Never sent: the job was cancelled first. */
    NOT_ATTEMPTED("Not attempted");

    private final String label;

    AbortOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the upload no longer holds parts. */
    public boolean gone() {
        return this == ABORTED || this == ALREADY_GONE;
    }
}
