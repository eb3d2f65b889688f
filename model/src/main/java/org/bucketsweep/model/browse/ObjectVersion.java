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
 */
public record ObjectVersion(String key, String versionId, boolean latest, boolean deleteMarker, long size,
                            Instant lastModified) implements ListingEntry {

    /** What to send to DeleteObjects to delete exactly this row. */
    public VersionRef ref() {
        return new VersionRef(key, versionId);
    }
}
