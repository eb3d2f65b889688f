package org.bucketsweep.model.delete;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Exactly what to delete, and how.
 *
 * @param mfaDelete whether the bucket has MFA Delete enabled: requests that name a version then carry a code
 */
public record DeleteJob(String bucket, List<VersionRef> items, boolean mfaDelete, DeleteOptions options) {

    /** S3 refuses a DeleteObjects request with more keys (400 MalformedXML). */
    public static final int MAX_BATCH = 1000;

    public DeleteJob {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(options, "options");
        // The same item twice would be sent twice and reported twice: keep the first.
        items = List.copyOf(new LinkedHashSet<>(items));
    }

    public static DeleteJob of(String bucket, List<VersionRef> items, boolean mfaDelete) {
        return new DeleteJob(bucket, items, mfaDelete, DeleteOptions.DEFAULTS);
    }

    public DeleteJob withOptions(DeleteOptions newOptions) {
        return new DeleteJob(bucket, items, mfaDelete, newOptions);
    }
}
