package org.bucketsweep.model.browse;

/** A bucket's versioning, as GetBucketVersioning reports it. */
public enum VersioningStatus {
    /** Versioning was never turned on: a delete removes data for good. */
    NEVER_ENABLED("Unversioned"),
    ENABLED("Versioned"),
    /** New writes get the version id "null"; older versions stay. */
    SUSPENDED("Suspended"),
    /** The server refused to tell (AccessDenied, NotImplemented): never read this as "off". */
    UNKNOWN("Unknown");

    private final String label;

    VersioningStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a delete without a version id leaves a delete marker rather than removing data. */
    public boolean keepsVersions() {
        return this == ENABLED;
    }
}
