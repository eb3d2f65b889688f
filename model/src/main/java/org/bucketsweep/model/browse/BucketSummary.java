package org.bucketsweep.model.browse;

import java.time.Instant;

/**
 * A bucket as the bucket list shows it.
 *
 * @param status     versioning and MFA Delete; {@code null} until fetched (the names show first)
 * @param objectLock Object Lock; {@code null} until fetched
 */
public record BucketSummary(String name, Instant creationDate, BucketVersioning status, ObjectLockStatus objectLock) {

    public BucketSummary(String name, Instant creationDate, BucketVersioning status) {
        this(name, creationDate, status, ObjectLockStatus.UNKNOWN);
    }

    /** Only the name and date, statuses still to come. */
    public static BucketSummary named(String name, Instant creationDate) {
        return new BucketSummary(name, creationDate, null, null);
    }

    public boolean statusKnown() {
        return status != null;
    }

    /** The versioning and MFA status, {@link BucketVersioning#UNKNOWN} while not fetched. */
    public BucketVersioning versioningOrUnknown() {
        return status == null ? BucketVersioning.UNKNOWN : status;
    }

    public BucketSummary withStatus(BucketVersioning newStatus, ObjectLockStatus newObjectLock) {
        return new BucketSummary(name, creationDate, newStatus, newObjectLock);
    }
}
