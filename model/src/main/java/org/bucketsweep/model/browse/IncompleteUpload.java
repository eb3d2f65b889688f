package org.bucketsweep.model.browse;

import java.util.Objects;
import org.bucketsweep.model.uploads.MultipartUpload;

/**
 * An incomplete multipart upload shown among a folder's objects: not an object (no listing of objects or versions
 * has it, and DeleteObjects cannot remove it), but parts that are stored and billed until it is aborted.
 */
public record IncompleteUpload(MultipartUpload upload) implements ListingEntry {

    public IncompleteUpload {
        Objects.requireNonNull(upload, "upload");
    }

    @Override
    public String key() {
        return upload.key();
    }
}
