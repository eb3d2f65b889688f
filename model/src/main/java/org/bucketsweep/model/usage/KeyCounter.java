package org.bucketsweep.model.usage;

import java.util.Map;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.uploads.MultipartUpload;

/**
 * Counts versions into their folders' tallies, in S3's order. The one key being counted is all it remembers: when
 * the next key starts, the last one is settled (was its only entry a delete marker?).
 */
final class KeyCounter {

    private final Folders folders;
    private final Map<String, FolderTally> tallies;
    private long versions;

    private String key;
    private FolderTally keyTally;
    private int keyEntries;
    private boolean keyOnlyMarkers;

    KeyCounter(Folders folders, Map<String, FolderTally> tallies) {
        this.folders = folders;
        this.tallies = tallies;
    }

    void count(ObjectVersion v) {
        versions++;
        if (!v.key().equals(key)) {
            finish();
            key = v.key();
            keyTally = tallyOf(key);
            keyEntries = 0;
            keyOnlyMarkers = true;
        }
        keyEntries++;
        if (v.deleteMarker()) {
            keyTally.deleteMarker();
        } else {
            keyOnlyMarkers = false;
            if (v.latest()) {
                keyTally.current(v.size());
            } else {
                keyTally.noncurrent(v.size(), v.lastModified());
            }
        }
    }

    /** Settles the key being counted; call once more after the last page. */
    void finish() {
        if (key != null && keyEntries == 1 && keyOnlyMarkers) {
            keyTally.expiredMarker();
        }
        key = null;
        keyTally = null;
    }

    void upload(MultipartUpload upload) {
        tallyOf(upload.key()).upload(upload.bytes());
    }

    long versions() {
        return versions;
    }

    private FolderTally tallyOf(String k) {
        return tallies.computeIfAbsent(folders.folderOf(k), FolderTally::new);
    }
}
