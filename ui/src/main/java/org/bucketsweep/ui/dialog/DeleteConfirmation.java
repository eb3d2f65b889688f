package org.bucketsweep.ui.dialog;

import java.util.List;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.VersionRef;

/**
 * What the confirmation shows: the bucket, the counted effect, and the first items.
 *
 * @param sample the first items, in selection order, for the person to recognise
 */
public record DeleteConfirmation(String bucket, DeletePreview preview, List<VersionRef> sample, boolean mfaRequired) {

    public static final int SAMPLE_SIZE = 8;

    public DeleteConfirmation {
        sample = List.copyOf(sample.subList(0, Math.min(SAMPLE_SIZE, sample.size())));
    }

    /** Permanent deletes ask the person to type the bucket name; adding markers takes one click. */
    public boolean requiresTypedBucketName() {
        return preview.permanent();
    }
}
