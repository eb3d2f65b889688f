package org.bucketsweep.model.delete;

/** What happened to one item of a delete job. Every item ends with exactly one. */
public enum DeleteOutcome {
    /** The version (or, on an unversioned bucket, the object) is gone for good. */
    DELETED("Deleted"),
    /** No version was named on a versioned bucket: S3 added a delete marker, and the data is still there. */
    DELETE_MARKER_CREATED("Delete marker created"),
    /** A delete marker's own version was deleted: the key's previous version is current again. */
    DELETE_MARKER_REMOVED("Delete marker removed"),
    /**
     * Not a delete: "restore this version" copied the item's version over its key, so that a copy of it is the
     * current version again (the message names the new version). Nothing was deleted.
     */
    RESTORED("Restored"),
    /** S3 refused this item, or the whole request failed. */
    FAILED("Failed"),
    /** Never sent: the job was cancelled or stopped before this item's request. */
    NOT_ATTEMPTED("Not attempted");

    private final String label;

    DeleteOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean succeeded() {
        return this == DELETED || this == DELETE_MARKER_CREATED || this == DELETE_MARKER_REMOVED || this == RESTORED;
    }
}
