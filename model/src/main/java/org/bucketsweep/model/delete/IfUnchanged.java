package org.bucketsweep.model.delete;

/**
 * Whether a delete of current objects (items without a version id) is conditional on the ETag the preview showed,
 * sent as DeleteObjects' {@code <ETag>}: an object overwritten since the preview then fails with PreconditionFailed
 * and stays. Items with a version id never carry one (a version cannot change).
 *
 * <p>Servers differ (measured, see docs/conditional-delete.md): S3Proxy 4.1 and AWS general-purpose buckets check
 * it; local-s3 2.4 and Ceph RGW 16 accept the element and ignore it, deleting the object anyway; a server that
 * rejects the element fails the whole request, and then nothing of it was deleted.
 */
public enum IfUnchanged {
    /** Send ETags where the preview knows them; if the server rejects them, ask the person once before going on. */
    AUTO,
    /** Send ETags; if the server rejects them, delete nothing more. */
    ALWAYS,
    /** Send no ETags: delete whatever the key holds when the request arrives. */
    NEVER
}
