package org.bucketsweep.model.delete;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Counts per outcome for a finished (or stopped) job. */
public record DeleteSummary(Map<DeleteOutcome, Integer> counts, int requestsSent) {

    public DeleteSummary {
        counts = Map.copyOf(counts);
    }

    public static DeleteSummary of(Collection<ItemResult> results, int requestsSent) {
        Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
        for (DeleteOutcome o : DeleteOutcome.values()) {
            counts.put(o, 0);
        }
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return new DeleteSummary(counts, requestsSent);
    }

    public int count(DeleteOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean allSucceeded() {
        return count(DeleteOutcome.FAILED) == 0 && count(DeleteOutcome.NOT_ATTEMPTED) == 0;
    }
}
