package org.bucketsweep.model.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;

/**
 * Everything one journal says, and the follow-up jobs it makes possible.
 *
 * @param plannedItems the plan, in order
 * @param requests     the requests as journaled just before sending, retries included, in order
 * @param results      the outcome lines, in order
 * @param finished     whether the journal has its end record
 * @param endSummary   the end record's counts, or {@code null} when the job did not finish
 */
public record JournalContents(Path path, JobHeader header, List<VersionRef> plannedItems,
                              List<SentRequest> requests, List<ItemResult> results, boolean finished,
                              DeleteSummary endSummary) {

    /** One journaled request: about to be sent when it was written, but perhaps never answered. */
    public record SentRequest(int request, int attempt, List<VersionRef> items) {
        public SentRequest {
            items = List.copyOf(items);
        }
    }

    public JournalContents {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(header, "header");
        plannedItems = List.copyOf(plannedItems);
        requests = List.copyOf(requests);
        results = List.copyOf(results);
    }

    /**
     * Whether the whole plan reached the disk. Only a kill while the journal was being created leaves it short, and
     * then nothing was sent yet: the job can be planned afresh, but not resumed from this journal alone.
     */
    public boolean planComplete() {
        return plannedItems.size() == header.plannedItems();
    }

    /** Each item's last journaled outcome, in the order the outcomes arrived. */
    public Map<VersionRef, ItemResult> lastOutcomes() {
        Map<VersionRef, ItemResult> last = new LinkedHashMap<>();
        results.forEach(r -> last.put(r.item(), r));
        return Collections.unmodifiableMap(last);
    }

    /** Items by their last outcome; every {@link DeleteOutcome} present. */
    public Map<DeleteOutcome, Integer> counts() {
        Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
        for (DeleteOutcome o : DeleteOutcome.values()) {
            counts.put(o, 0);
        }
        lastOutcomes().values().forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    /**
     * What a resumed job sends: the planned items, in plan order, except those confirmed done (last outcome
     * DELETED, DELETE_MARKER_CREATED or DELETE_MARKER_REMOVED). A key sent without a version that got its delete
     * marker is done too: sending it again would stack a second marker on it.
     *
     * <p>Items {@linkplain #inDoubtItems() in doubt} are included: deleting a version again is harmless, and a key
     * whose request may not have arrived must not be left behind. See {@link #inDoubtItems()} for the one cost.
     */
    public List<VersionRef> resumeItems() {
        Map<VersionRef, ItemResult> last = lastOutcomes();
        List<VersionRef> items = new ArrayList<>();
        for (VersionRef ref : plannedItems) {
            ItemResult r = last.get(ref);
            if (r == null || !r.outcome().succeeded()) {
                items.add(ref);
            }
        }
        return items;
    }

    /** What "retry failed" sends after a job: the planned items whose last outcome is FAILED or NOT_ATTEMPTED. */
    public List<VersionRef> retryItems() {
        Map<VersionRef, ItemResult> last = lastOutcomes();
        List<VersionRef> items = new ArrayList<>();
        for (VersionRef ref : plannedItems) {
            ItemResult r = last.get(ref);
            if (r != null && (r.outcome() == DeleteOutcome.FAILED || r.outcome() == DeleteOutcome.NOT_ATTEMPTED)) {
                items.add(ref);
            }
        }
        return items;
    }

    /**
     * Items that were sent but whose answer was never journaled: the process died with their request in flight, so
     * S3 may or may not have acted. For a key without a version on a versioned bucket, resuming may add a second
     * delete marker; worth telling the person before a resume.
     */
    public List<VersionRef> inDoubtItems() {
        Set<VersionRef> answered = lastOutcomes().keySet();
        Set<VersionRef> seen = new HashSet<>();
        List<VersionRef> items = new ArrayList<>();
        for (SentRequest request : requests) {
            for (VersionRef ref : request.items()) {
                if (!answered.contains(ref) && seen.add(ref)) {
                    items.add(ref);
                }
            }
        }
        return items;
    }
}
