package org.bucketsweep.model.browse;

/** Whether the bucket requires an MFA code to delete a version or change versioning. */
public enum MfaDeleteStatus {
    ENABLED,
    DISABLED,
    /** The server refused to tell: treat as possibly required. */
    UNKNOWN
}
