package org.bucketsweep.model.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups a versions listing by key while it streams: each key's {@link KeyHistory} goes right before its versions,
 * so one selection can hold "this key" (a delete marker will be added) and "these versions" (deleted for good).
 *
 * <p>A key's versions are contiguous in S3's order, but they can span pages. The row of the last key of a page is
 * sent with the counts seen so far, so that it shows at once; when the next page carries more of that key, that
 * page comes with the {@linkplain GroupedPage#revised() revised row} to put in its place. Feed the pages of one
 * listing, in order, from one thread.
 */
public final class KeyHistories {

    private KeyHistory open;

    /** The rows to append for {@code page}, and the revision of the previous page's last key row, if any. */
    public GroupedPage add(ListingPage page) {
        List<ListingEntry> rows = new ArrayList<>(page.entries().size() + page.entries().size() / 2);
        KeyHistory revised = null;
        // Where the current key's row sits in rows, or -1 while it is the open key of an earlier page.
        int keyRow = -1;
        for (ListingEntry entry : page.entries()) {
            if (!(entry instanceof ObjectVersion version)) {
                rows.add(entry);
                continue;
            }
            if (open != null && open.key().equals(version.key())) {
                open = open.with(version);
                if (keyRow >= 0) {
                    rows.set(keyRow, open);
                } else {
                    revised = open;
                }
            } else {
                open = KeyHistory.startingWith(version);
                keyRow = rows.size();
                rows.add(open);
            }
            rows.add(version);
        }
        return new GroupedPage(revised, rows);
    }

    /**
     * One page, grouped.
     *
     * @param revised the row of the key that the previous page ended with, with counts that include this page;
     *                it replaces that row
     * @param rows    key rows and their versions (and folders), to append
     */
    public record GroupedPage(KeyHistory revised, List<ListingEntry> rows) {

        public GroupedPage {
            rows = List.copyOf(rows);
        }

        public Optional<KeyHistory> revision() {
            return Optional.ofNullable(revised);
        }
    }
}
