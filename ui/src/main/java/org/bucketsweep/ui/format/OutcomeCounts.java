package org.bucketsweep.ui.format;

import java.util.Map;
import java.util.StringJoiner;
import org.bucketsweep.model.delete.DeleteOutcome;

/** Outcome counts in one line, leaving out the outcomes that did not happen: "Deleted: 2 · Failed: 1". */
public final class OutcomeCounts {

    private OutcomeCounts() {
    }

    public static String text(Map<DeleteOutcome, Integer> counts) {
        StringJoiner text = new StringJoiner(" · ");
        for (DeleteOutcome outcome : DeleteOutcome.values()) {
            int n = counts.getOrDefault(outcome, 0);
            if (n > 0) {
                text.add(outcome.label() + ": " + String.format("%,d", n));
            }
        }
        return text.toString();
    }
}
