package org.bucketsweep.ui.uploads;

import org.bucketsweep.model.uploads.AbortResult;
import org.bucketsweep.model.uploads.MultipartUpload;

/**
 * One row of the uploads table: an upload, and once an abort was tried, its result. Immutable: a result replaces
 * the row.
 */
public record UploadRow(MultipartUpload upload, AbortResult result) {

    static UploadRow listed(MultipartUpload upload) {
        return new UploadRow(upload, null);
    }

    /** "Aborted", "Failed: AccessDenied: …", or "" while nothing was tried. */
    public String outcomeText() {
        if (result == null) {
            return "";
        }
        String text = result.outcome().label();
        return result.errorCode() == null ? text : text + ": " + result.errorCode()
                + (result.errorMessage() == null ? "" : " — " + result.errorMessage());
    }

    /** Whether this upload can still be aborted: listed, and not gone after an abort. */
    public boolean abortable() {
        return result == null || !result.outcome().gone();
    }
}
