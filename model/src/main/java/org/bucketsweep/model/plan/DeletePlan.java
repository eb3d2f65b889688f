package org.bucketsweep.model.plan;

import java.util.List;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.VersionRef;

/**
 * The exact list a job will send, made by listing before anything is deleted, with its counted effect. What runs is
 * {@link #items()}, nothing more.
 *
 * @param rows     the listed rows behind the items, in the same order (for sizes and dates in a preview)
 * @param warnings what the person must know before confirming (an unversioned bucket, keys that were not found)
 */
public record DeletePlan(String bucket, DeleteIntent intent, List<ObjectVersion> rows, DeletePreview preview,
                         List<String> warnings) {

    public DeletePlan {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    public List<VersionRef> items() {
        return rows.stream().map(ObjectVersion::ref).toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
