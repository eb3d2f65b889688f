package org.bucketsweep.model.delete;

import java.util.Objects;

/**
 * One entry of a DeleteObjects request: a key, and the version to delete permanently, or {@code null} to delete the
 * current object (on a versioned bucket that adds a delete marker instead).
 *
 * <p>{@code eTag} is the ETag the preview showed for a current object (never for a version, which cannot change):
 * when the job deletes only unchanged objects it goes with the item as DeleteObjects' {@code <ETag>}, and an object
 * overwritten since then fails with PreconditionFailed instead of being deleted. It is a condition on the delete,
 * not part of what the item names, so it takes no part in {@link #equals} and {@link #hashCode}: the item is the
 * same with or without it (results and journals match items by key and version id).
 */
public record VersionRef(String key, String versionId, String eTag) {

    public VersionRef {
        Objects.requireNonNull(key, "key");
        if (versionId != null && versionId.isEmpty()) {
            versionId = null;
        }
        if (versionId != null || (eTag != null && eTag.isBlank())) {
            eTag = null;
        }
    }

    public VersionRef(String key, String versionId) {
        this(key, versionId, null);
    }

    public static VersionRef current(String key) {
        return new VersionRef(key, null, null);
    }

    /** The current object of a key, deleted only if its ETag is still this one (when the job asks for that). */
    public static VersionRef currentIfUnchanged(String key, String eTag) {
        return new VersionRef(key, null, eTag);
    }

    public boolean hasVersion() {
        return versionId != null;
    }

    public boolean hasETag() {
        return eTag != null;
    }

    /** The same item without its ETag: sent unconditionally. */
    public VersionRef withoutETag() {
        return eTag == null ? this : new VersionRef(key, versionId, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRef other && key.equals(other.key) && Objects.equals(versionId, other.versionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, versionId);
    }

    @Override
    public String toString() {
        return versionId == null ? key : key + " (version " + versionId + ")";
    }
}
