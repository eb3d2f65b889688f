package org.bucketsweep.model.browse;

import java.time.Instant;

/** A bucket as the bucket list shows it. */
public record BucketSummary(String name, Instant creationDate, BucketVersioning status) {

    public BucketSummary withStatus(BucketVersioning newStatus) {
        return new BucketSummary(name, creationDate, newStatus);
    }
}
