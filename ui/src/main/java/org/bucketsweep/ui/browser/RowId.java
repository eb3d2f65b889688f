package org.bucketsweep.ui.browser;

import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;

/** What makes a row the same row after a refresh, whatever its counts, size or date are now. */
record RowId(int kind, String key, String versionId) {
    static RowId of(ListingEntry entry) {
        if (entry instanceof ObjectVersion v) {
            return new RowId(0, v.key(), v.versionId());
        }
        if (entry instanceof IncompleteUpload u) {
            return new RowId(3, u.key(), u.upload().uploadId());
        }
        return new RowId(entry instanceof KeyHistory ? 1 : 2, entry.key(), null);
    }
}
