package org.bucketsweep.model.browse;

import java.time.Instant;
import org.bucketsweep.model.delete.VersionRef;

/**
 * An object, a version of one, or a delete marker.
 *
 * @param versionId    the version id; {@code null} in a plain listing of current objects (some servers send an
 *                     empty string there, which means the same). The literal {@code "null"} is a real version id:
 *                     the version written while versioning was off or suspended.
 * @param latest       whether this is the key's current version (for a delete marker: the key looks deleted)
 * @param deleteMarker whether this is a delete marker rather than data
 * @param size         bytes; 0 for a delete marker
 * @param eTag         the ETag the listing gave (as sent, quotes included), or {@code null} when unknown or for a
 *                     delete marker
 */
public record ObjectVersion(String key, String versionId, boolean latest, boolean deleteMarker, long size,
                            Instant lastModified, String eTag) implements ListingEntry {

    public ObjectVersion {
        if (eTag != null && eTag.isBlank()) {
            eTag = null;
        }
    }

    /** A row whose ETag is not known. */
    public ObjectVersion(String key, String versionId, boolean latest, boolean deleteMarker, long size,
                         Instant lastModified) {
        this(key, versionId, latest, deleteMarker, size, lastModified, null);
    }

    /**
     * What to send to DeleteObjects to delete exactly this row. A row without a version id (the current object)
     * carries its ETag, so that the delete can be made conditional on the object being the one previewed; a row
     * with a version id needs none, since a version never changes.
     */
    public VersionRef ref() {
        return new VersionRef(key, versionId, versionId == null && !deleteMarker ? eTag : null);
    }
}
