package org.bucketsweep.model.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.VersionRef;

/**
 * What a journaled job set out to do: the first line of its journal.
 *
 * <p>It holds nothing that grants access: no keys, no session token and no MFA code (the engine's listener never
 * sees a code). Of the options' retry policy only {@code maxAttempts} is journaled; a job read back gets the default
 * backoff delays.
 *
 * @param jobId         a random UUID; its first 8 characters name the journal file
 * @param endpoint      where the bucket lives, as shown to the person ("http://127.0.0.1:9000", "AWS S3 (eu-west-1)")
 * @param intent        a short description of the job, in the person's terms ("Delete 3 versions under logs/")
 * @param plannedItems  how many items the plan has
 * @param plannedCounts what the plan will do, by kind, in the order given (see {@link #plannedCounts(DeletePreview)})
 * @param mfaUsed       whether the job's versioned requests carry an MFA code
 */
public record JobHeader(String jobId, Instant started, String endpoint, String bucket, String intent,
                        DeleteOptions options, int plannedItems, Map<String, Integer> plannedCounts,
                        boolean mfaUsed) {

    public JobHeader {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(options, "options");
        plannedCounts = plannedCounts == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(plannedCounts));
    }

    /** A header for a job about to start now, with a fresh job id. */
    public static JobHeader start(DeleteJob job, String endpoint, String intent, Map<String, Integer> plannedCounts) {
        return start(job.bucket(), job.items(), job.mfaDelete(), job.options(), endpoint, intent, plannedCounts);
    }

    /**
     * A header for a job of these items, as a plan lists them (each once), about to start now and before its
     * {@link DeleteJob} is made: the app shows the job at once, and makes the job, which checks the items for
     * duplicates (a while for 100,000), in the background.
     */
    public static JobHeader start(String bucket, List<VersionRef> items, boolean mfaDelete, DeleteOptions options,
                                  String endpoint, String intent, Map<String, Integer> plannedCounts) {
        return new JobHeader(UUID.randomUUID().toString(), Instant.now(), endpoint, bucket, intent, options,
                items.size(), plannedCounts, mfaDelete && items.stream().anyMatch(VersionRef::hasVersion));
    }

    /** The preview's counts under the names the journal uses; kinds with nothing planned are left out. */
    public static Map<String, Integer> plannedCounts(DeletePreview preview) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        putIfAny(counts, "versions", preview.versionsDeleted());
        putIfAny(counts, "objects", preview.objectsDeleted());
        putIfAny(counts, "deleteMarkersRemoved", preview.markersRemoved());
        putIfAny(counts, "deleteMarkersAdded", preview.markersAdded());
        return counts;
    }

    private static void putIfAny(Map<String, Integer> counts, String name, int n) {
        if (n > 0) {
            counts.put(name, n);
        }
    }
}
