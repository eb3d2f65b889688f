package org.bucketsweep.ui.browser;

import java.util.List;
import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;

/** Rows as text for the clipboard. */
final class RowsText {

    private RowsText() {
    }

    /** Tab-separated lines for the clipboard: key, version id, latest, delete marker, size, last modified. */
    static String tabSeparated(List<ListingEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (ListingEntry e : entries) {
            ListingEntry row = e instanceof KeyHistory key ? key.asCurrentObject() : e;
            if (row instanceof ObjectVersion v) {
                text.append(v.key()).append('\t').append(v.versionId() == null ? "" : v.versionId()).append('\t')
                        .append(v.latest()).append('\t').append(v.deleteMarker()).append('\t').append(v.size())
                        .append('\t').append(v.lastModified() == null ? "" : v.lastModified()).append('\n');
            } else if (e instanceof IncompleteUpload u) {
                // Where a version id goes, the upload id: what AbortMultipartUpload needs besides the key.
                text.append(u.key()).append('\t').append(u.upload().uploadId()).append("\tincomplete upload\t\t")
                        .append(u.upload().bytes()).append('\t')
                        .append(u.upload().initiated() == null ? "" : u.upload().initiated()).append('\n');
            } else {
                text.append(e.key()).append('\n');
            }
        }
        return text.toString();
    }
}
