package org.bucketsweep.model.journal;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.bucketsweep.model.delete.DeleteOutcome;

/**
 * One journal in a listing: enough to offer "resume" or "retry failed" without reading its items into memory.
 *
 * @param finished whether the journal has its end record; a job without one was killed, crashed or lost power
 * @param counts   the outcomes journaled so far, every {@link DeleteOutcome} present (0 when none)
 */
public record JournalEntry(Path path, JobHeader header, boolean finished, Map<DeleteOutcome, Integer> counts) {

    public JournalEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(header, "header");
        Map<DeleteOutcome, Integer> all = new EnumMap<>(DeleteOutcome.class);
        for (DeleteOutcome outcome : DeleteOutcome.values()) {
            all.put(outcome, counts == null ? 0 : counts.getOrDefault(outcome, 0));
        }
        counts = Map.copyOf(all);
    }

    public int count(DeleteOutcome outcome) {
        return counts.get(outcome);
    }

    /** How many outcomes were journaled. */
    public int recorded() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Planned items without a journaled outcome: what a crash left in doubt or unsent. */
    public int withoutOutcome() {
        return Math.max(0, header.plannedItems() - recorded());
    }
}
