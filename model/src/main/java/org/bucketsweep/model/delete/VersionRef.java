package org.bucketsweep.model.delete;

import java.util.Objects;

/**
 * One entry of a DeleteObjects request: a key, and the version to delete permanently, or {@code null} to delete the
 * current object (on a versioned bucket that adds a delete marker instead).
 */
public record VersionRef(String key, String versionId) {

    public VersionRef {
        Objects.requireNonNull(key, "key");
        if (versionId != null && versionId.isEmpty()) {
            versionId = null;
        }
    }

    public static VersionRef current(String key) {
        return new VersionRef(key, null);
    }

    public boolean hasVersion() {
        return versionId != null;
    }

    @Override
    public String toString() {
        return versionId == null ? key : key + " (version " + versionId + ")";
    }
}
