package org.bucketsweep.model.browse;

import java.time.Instant;

/**
 * A key with the counts of its versions, as one row above them in a versions listing.
 *
 * <p>S3 lists a key's versions newest first, so the first one seen is the key's latest: a version (the key is there)
 * or a delete marker (the key looks deleted, and deleting that marker brings the newest version back).
 *
 * @param latest           the key's newest version or delete marker
 * @param noncurrent       versions holding data that are not the latest
 * @param deleteMarkers    delete markers, the latest one included
 * @param noncurrentBytes  the bytes held by the noncurrent versions
 */
public record KeyHistory(ObjectVersion latest, int noncurrent, int deleteMarkers, long noncurrentBytes)
        implements ListingEntry {

    @Override
    public String key() {
        return latest.key();
    }

    /** 1 when the key has a current version, 0 when it looks deleted. */
    public int current() {
        return deleted() ? 0 : 1;
    }

    /** Whether the key's latest version is a delete marker. */
    public boolean deleted() {
        return latest.deleteMarker();
    }

    /** The current object's size; 0 for a deleted key. */
    public long size() {
        return deleted() ? 0 : latest.size();
    }

    public Instant lastModified() {
        return latest.lastModified();
    }

    /** Every version and delete marker of the key. */
    public int total() {
        return current() + noncurrent + deleteMarkers;
    }

    /** The key itself as something to delete: on a versioned bucket that adds a delete marker. */
    public ObjectVersion asCurrentObject() {
        return new ObjectVersion(key(), null, true, deleted(), size(), lastModified(),
                deleted() ? null : latest.eTag());
    }

    KeyHistory with(ObjectVersion version) {
        if (version.deleteMarker()) {
            return new KeyHistory(latest, noncurrent, deleteMarkers + 1, noncurrentBytes);
        }
        return new KeyHistory(latest, noncurrent + 1, deleteMarkers, noncurrentBytes + version.size());
    }

    static KeyHistory startingWith(ObjectVersion newest) {
        return new KeyHistory(newest, 0, newest.deleteMarker() ? 1 : 0, 0);
    }
}
