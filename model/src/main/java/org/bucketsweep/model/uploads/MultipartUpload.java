package org.bucketsweep.model.uploads;

import java.time.Instant;
import java.util.Objects;

/**
 * A multipart upload that was started and neither completed nor aborted. Its parts are stored and billed, yet no
 * listing of objects or versions shows them: only ListMultipartUploads does.
 *
 * @param initiated    when CreateMultipartUpload was called; lifecycle's AbortIncompleteMultipartUpload counts from it
 * @param storageClass the storage class the object would get, or {@code null} when the server does not say
 * @param parts        the parts uploaded so far, or {@code null} until ListParts was asked
 */
public record MultipartUpload(String key, String uploadId, Instant initiated, String storageClass,
                              UploadedParts parts) {

    public MultipartUpload {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
    }

    public MultipartUpload withParts(UploadedParts uploaded) {
        return new MultipartUpload(key, uploadId, initiated, storageClass, uploaded);
    }

    /** The bytes its parts hold; 0 while the parts are not known. */
    public long bytes() {
        return parts == null ? 0 : parts.bytes();
    }

    /** Whether it was started before {@code instant}; an upload without a date is never taken as old. */
    public boolean initiatedBefore(Instant instant) {
        return initiated != null && initiated.isBefore(instant);
    }
}
