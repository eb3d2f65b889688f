package org.bucketsweep.model.bucket;

import java.util.List;
import org.bucketsweep.model.uploads.AbortResult;

/**
 * How the last step of "empty and delete a bucket" ended: the bucket is gone, or it stopped and says why.
 *
 * @param deleted  whether DeleteBucket succeeded (or the bucket was already gone)
 * @param aborted  one result per incomplete upload found after the objects were deleted
 * @param leftKeys some keys of versions or delete markers still in the bucket when it stopped (at most a few)
 * @param reason   why it stopped, in words a person can act on; {@code null} when deleted
 */
public record BucketRemoval(boolean deleted, List<AbortResult> aborted, List<String> leftKeys, String reason) {

    public BucketRemoval {
        aborted = List.copyOf(aborted);
        leftKeys = List.copyOf(leftKeys);
    }

    static BucketRemoval done(List<AbortResult> aborted) {
        return new BucketRemoval(true, aborted, List.of(), null);
    }

    static BucketRemoval stopped(List<AbortResult> aborted, List<String> leftKeys, String reason) {
        return new BucketRemoval(false, aborted, leftKeys, reason);
    }
}
