package org.bucketsweep.model.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * What one folder holds, as S3 bills it: every key under {@link #folder()} counts here, except keys that fall into a
 * deeper folder row of the same report.
 *
 * @param folder             the key prefix, ending in {@code /} (or the scanned prefix itself for the keys right
 *                           under it, which is {@code ""} at the top of a bucket)
 * @param currentObjects     keys whose latest version is data, not a delete marker
 * @param noncurrentVersions older versions of data: billed, yet no plain listing shows them
 * @param deleteMarkers      every delete marker, latest or not
 * @param expiredMarkers     delete markers that are the only version left of their key: they hide nothing, and
 *                           lifecycle's ExpiredObjectDeleteMarker would remove them
 * @param uploads            incomplete multipart uploads, whose parts are billed and invisible in listings
 * @param uploadBytes        the bytes those uploads' parts hold
 * @param oldestNoncurrent   the LastModified of the oldest noncurrent version; {@code null} when there is none
 */
public record FolderUsage(String folder, long currentObjects, long currentBytes, long noncurrentVersions,
                          long noncurrentBytes, long deleteMarkers, long expiredMarkers, long uploads,
                          long uploadBytes, Instant oldestNoncurrent) {

    public FolderUsage {
        Objects.requireNonNull(folder, "folder");
    }

    /** Everything this folder makes S3 bill: current, noncurrent and upload parts' bytes. */
    public long billedBytes() {
        return currentBytes + noncurrentBytes + uploadBytes;
    }
}
