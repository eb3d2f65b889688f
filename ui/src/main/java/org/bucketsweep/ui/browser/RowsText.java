package org.bucketsweep.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;

/** Rows as text: for the clipboard, and the lines above and in an empty table. */
final class RowsText {

    private RowsText() {
    }

    /** What an empty table says: the listing's own text, or why the loaded rows are all filtered out. */
    static StringBinding emptyText(ObservableList<ListingEntry> rows, ObservableList<ListingEntry> visibleRows,
                                   ObservableBooleanValue deletedOnly, ObservableStringValue listingEmptyText) {
        return Bindings.createStringBinding(() -> !rows.isEmpty() && visibleRows.isEmpty()
                        ? (deletedOnly.get() ? "No deleted keys among the loaded rows."
                                : "No loaded row matches the filter.")
                        : listingEmptyText.get(),
                rows, visibleRows, deletedOnly, listingEmptyText);
    }

    /** "1,204 of 5,000 shown · 3 selected", each part only when it says something. */
    static StringBinding shownAndSelected(ObservableList<ListingEntry> rows, ObservableList<ListingEntry> visibleRows,
                                          ObservableList<ListingEntry> selection) {
        return Bindings.createStringBinding(() -> {
            List<String> parts = new ArrayList<>(2);
            if (visibleRows.size() != rows.size()) {
                parts.add(String.format(Locale.ROOT, "%,d of %,d shown", visibleRows.size(), rows.size()));
            }
            if (!selection.isEmpty()) {
                parts.add(String.format(Locale.ROOT, "%,d selected", selection.size()));
            }
            return String.join(" · ", parts);
        }, rows, visibleRows, selection);
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
