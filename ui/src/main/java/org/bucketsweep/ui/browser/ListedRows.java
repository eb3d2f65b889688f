package org.bucketsweep.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.browse.CommonPrefix;
import org.bucketsweep.model.browse.KeyHistories.GroupedPage;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;

/**
 * The rows of one listing as they stream in: appended a batch at a time in one change, a key's row revised in place
 * when its versions fill more than a page, with the counts and the deleted keys kept on the way.
 */
final class ListedRows {

    private final ObservableList<ListingEntry> rows = FXCollections.observableArrayList();
    /**
     * Keys whose latest version is a delete marker, for "show deleted keys" (their version rows go with them). The
     * filter reads it in the background while new keys are added.
     */
    private final Set<String> deletedKeys = ConcurrentHashMap.newKeySet();
    /**
     * Called with the row about to be replaced and its revision, before the replacement (which makes a TableView drop
     * its selection); what it returns runs after it, to select the rows again.
     */
    private final BiFunction<ListingEntry, KeyHistory, Runnable> onRevised;
    private ListingTally tally = new ListingTally(false);
    /** Index in rows of the last key row appended: a revision of that key replaces it. */
    private int lastKeyRow = -1;

    ListedRows(BiFunction<ListingEntry, KeyHistory, Runnable> onRevised) {
        this.onRevised = onRevised;
    }

    /** A new listing, of versions or not. */
    void clear(boolean versions) {
        rows.clear();
        deletedKeys.clear();
        lastKeyRow = -1;
        tally = new ListingTally(versions);
    }

    /** On the UI thread: appends a batch of pages in one change, applying a key row's revision in place. */
    void append(List<GroupedPage> pages) {
        List<ListingEntry> added = new ArrayList<>();
        for (GroupedPage page : pages) {
            KeyHistory revised = page.revised();
            if (revised != null && lastKeyRow >= 0) {
                int inAdded = lastKeyRow - rows.size();
                if (inAdded >= 0) {
                    added.set(inAdded, revised);
                } else if (rows.get(lastKeyRow).key().equals(revised.key())) {
                    Runnable afterwards = onRevised.apply(rows.get(lastKeyRow), revised);
                    rows.set(lastKeyRow, revised);
                    afterwards.run();
                }
            }
            for (ListingEntry entry : page.rows()) {
                if (entry instanceof KeyHistory key) {
                    lastKeyRow = rows.size() + added.size();
                    if (key.deleted()) {
                        // Before the rows are added: the filter sees them as they arrive.
                        deletedKeys.add(key.key());
                    }
                }
                tally.count(entry);
                added.add(entry);
            }
        }
        rows.addAll(added);
    }

    /**
     * The filter: a case-insensitive substring of the key (a key's versions share its key, so they stay with it);
     * with {@code deletedOnly}, folders and the keys whose latest version is a delete marker, with their versions.
     */
    Predicate<ListingEntry> shownWhen(String text, boolean onlyDeleted) {
        Predicate<ListingEntry> visible = null;
        if (text != null && !text.isBlank()) {
            String needle = text.strip().toLowerCase(Locale.ROOT);
            visible = entry -> entry.key().toLowerCase(Locale.ROOT).contains(needle);
        }
        if (onlyDeleted) {
            Predicate<ListingEntry> deleted = entry -> entry instanceof CommonPrefix
                    || deletedKeys.contains(entry.key());
            visible = visible == null ? deleted : visible.and(deleted);
        }
        return visible;
    }

    /** "3 folders, 12 keys (2 deleted), …" of what arrived so far. */
    String describe() {
        return tally.describe();
    }

    ObservableList<ListingEntry> list() {
        return rows;
    }
}
