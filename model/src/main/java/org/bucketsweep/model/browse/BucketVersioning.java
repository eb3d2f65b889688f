package org.bucketsweep.model.browse;

/** A bucket's versioning and MFA Delete state. */
public record BucketVersioning(VersioningStatus versioning, MfaDeleteStatus mfaDelete) {

    public static final BucketVersioning UNKNOWN =
            new BucketVersioning(VersioningStatus.UNKNOWN, MfaDeleteStatus.UNKNOWN);
}
