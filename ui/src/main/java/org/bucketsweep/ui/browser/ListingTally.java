package org.bucketsweep.ui.browser;

import java.util.Locale;
import org.bucketsweep.model.browse.CommonPrefix;
import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.ui.format.Sizes;

/** Counts of one listing, kept as rows arrive, so that the summary never walks a million rows. */
final class ListingTally {

    private final boolean versions;
    private long folders;
    private long keys;
    private long deletedKeys;
    private long objects;
    private long markers;
    private long uploads;
    private long uploadBytes;

    ListingTally(boolean versions) {
        this.versions = versions;
    }

    void count(ListingEntry entry) {
        if (entry instanceof CommonPrefix) {
            folders++;
        } else if (entry instanceof IncompleteUpload upload) {
            uploads++;
            uploadBytes += upload.upload().bytes();
        } else if (entry instanceof KeyHistory key) {
            keys++;
            deletedKeys += key.deleted() ? 1 : 0;
        } else if (entry instanceof ObjectVersion v && v.deleteMarker() && v.versionId() != null) {
            markers++;
        } else {
            objects++;
        }
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        text.append(count(folders, "folder", "folders")).append(", ");
        if (versions) {
            text.append(count(keys, "key", "keys"));
            if (deletedKeys > 0) {
                text.append(" (").append(count(deletedKeys, "deleted", "deleted")).append(')');
            }
            text.append(", ");
        }
        text.append(versions ? count(objects, "version", "versions") : count(objects, "object", "objects"));
        if (markers > 0) {
            text.append(", ").append(count(markers, "delete marker", "delete markers"));
        }
        if (uploads > 0) {
            text.append(", ").append(count(uploads, "incomplete upload", "incomplete uploads")).append(" (")
                    .append(Sizes.human(uploadBytes)).append(')');
        }
        return text.toString();
    }

    private static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
