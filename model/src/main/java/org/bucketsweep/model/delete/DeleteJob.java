package org.bucketsweep.model.delete;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Exactly what to delete, and how.
 *
 * @param mfaDelete whether the bucket has MFA Delete enabled: requests that name a version then carry a code
 * @param batchSize keys per DeleteObjects request, at most {@value #MAX_BATCH}
 * @param quiet     ask S3 to report only errors; items it does not mention are then taken as deleted
 */
public record DeleteJob(String bucket, List<VersionRef> items, boolean mfaDelete, int batchSize, boolean quiet) {

    /** S3 refuses a DeleteObjects request with more keys (400 MalformedXML). */
    public static final int MAX_BATCH = 1000;

    public DeleteJob {
        Objects.requireNonNull(bucket, "bucket");
        // The same item twice would be sent twice and reported twice: keep the first.
        items = List.copyOf(new LinkedHashSet<>(items));
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH + ", was " + batchSize);
        }
    }

    public static DeleteJob of(String bucket, List<VersionRef> items, boolean mfaDelete) {
        return new DeleteJob(bucket, items, mfaDelete, MAX_BATCH, false);
    }
}
