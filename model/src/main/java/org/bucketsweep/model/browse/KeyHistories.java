package org.bucketsweep.model.browse;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups a versions listing by key while it streams: each key's {@link KeyHistory} goes right before its versions,
 * so one selection can hold "this key" (a delete marker will be added) and "these versions" (deleted for good).
 *
 * <p>A key's versions are contiguous in S3's order, but they can span pages. The rows of the key a page ends with
 * are held back until the next page, so that a key's row is shown once, with its full counts. A key that fills a
 * whole page is not held (the screen would wait for its last version, however many pages away): its row is sent
 * with the counts seen so far, and each later page that carries more of it comes with the
 * {@linkplain GroupedPage#revised() revised row} to put in its place. Feed the pages of one listing, in order,
 * from one thread.
 */
public final class KeyHistories {

    private KeyHistory open;
    /** The rows of the open key, not sent yet; its row comes first. */
    private List<ListingEntry> held = List.of();

    /** The rows to append for {@code page}, and the revision of a key row already sent, if any. */
    public GroupedPage add(ListingPage page) {
        List<ListingEntry> rows = new ArrayList<>(held.size() + page.entries().size() + page.entries().size() / 2);
        rows.addAll(held);
        KeyHistory revised = null;
        // Where the open key's row sits in rows, or -1 when it was sent with an earlier page.
        int keyRow = held.isEmpty() ? -1 : 0;
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
        held = List.of();
        if (!page.last() && keyRow > 0) {
            // The open key may go on in the next page: send it with that page, counted in full.
            List<ListingEntry> tail = rows.subList(keyRow, rows.size());
            held = new ArrayList<>(tail);
            tail.clear();
        }
        return new GroupedPage(revised, rows);
    }

    /**
     * One page, grouped.
     *
     * @param revised the row of a key that fills whole pages, sent with an earlier page, with counts that now
     *                include this page; it replaces that row
     * @param rows    key rows and their versions (and folders), to append
     */
    public record GroupedPage(KeyHistory revised, List<ListingEntry> rows) {

        public GroupedPage {
            rows = List.copyOf(rows);
        }
    }
}
