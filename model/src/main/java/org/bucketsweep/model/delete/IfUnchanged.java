package org.bucketsweep.model.delete;

import java.util.Collection;

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
    NEVER;

    /**
     * What this mode means for these items, in one sentence for a preview, or {@code null} when no item is a
     * current object (versions are never conditional).
     */
    public String describe(Collection<VersionRef> items) {
        long withETag = items.stream().filter(VersionRef::hasETag).count();
        long current = items.stream().filter(ref -> !ref.hasVersion()).count();
        if (current == 0) {
            return null;
        }
        if (this == NEVER || withETag == 0) {
            return "Current objects are deleted whatever they hold when the request arrives (no ETag is sent).";
        }
        String sentence = count(withETag, "current object is", "current objects are")
                + " deleted only if unchanged since this preview: the previewed ETag is sent, and an object"
                + " overwritten since fails with PreconditionFailed and stays. Servers that ignore the ETag (Ceph"
                + " RGW 16, local-s3) delete it anyway.";
        if (withETag < current) {
            sentence += " " + count(current - withETag, "key has", "keys have")
                    + " no previewed ETag and " + (current - withETag == 1 ? "is" : "are") + " deleted without it.";
        }
        return sentence;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
