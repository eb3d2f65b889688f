package org.bucketsweep.model.delete;

import java.util.ArrayList;
import java.util.List;

/** How a job's items are cut into DeleteObjects requests, and in which order they go. */
final class Batches {

    private Batches() {
    }

    /**
     * Versions and keys without a version (delete markers to add) go in separate requests, so that on an MFA Delete
     * bucket only the requests that need a code ask for one. MFA requests are always full, since each costs the
     * person a code, and they go first: a person who declines the first code has changed nothing.
     */
    static List<List<VersionRef>> of(DeleteJob job) {
        List<VersionRef> keys = new ArrayList<>();
        List<VersionRef> versions = new ArrayList<>();
        job.items().forEach(ref -> (ref.hasVersion() ? versions : keys).add(ref));
        int size = job.options().batchSize();
        List<List<VersionRef>> batches = new ArrayList<>(
                partition(versions, job.mfaDelete() ? DeleteJob.MAX_BATCH : size));
        batches.addAll(partition(keys, size));
        return batches;
    }

    /** The requests of an MFA Delete job that need a code. */
    static int needingMfa(DeleteJob job, List<List<VersionRef>> batches) {
        return job.mfaDelete() ? (int) batches.stream().filter(Batches::namesAVersion).count() : 0;
    }

    static boolean namesAVersion(List<VersionRef> batch) {
        return batch.stream().anyMatch(VersionRef::hasVersion);
    }

    static <T> List<List<T>> partition(List<T> items, int size) {
        List<List<T>> parts = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            parts.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return parts;
    }
}
