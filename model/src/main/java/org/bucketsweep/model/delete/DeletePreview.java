package org.bucketsweep.model.delete;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;

/**
 * What a delete of exactly these rows will do, counted before anything is sent.
 *
 * @param versionsDeleted    specific versions that will be deleted for good
 * @param markersRemoved     delete markers that will be removed (their keys come back if the marker is the latest)
 * @param markersAdded       keys that will get a delete marker (versioned bucket, no version named)
 * @param objectsDeleted     keys deleted for good because the bucket keeps no versions (unversioned or suspended)
 * @param bytesDeleted       the size of the data deleted for good
 */
public record DeletePreview(int versionsDeleted, int markersRemoved, int markersAdded, int objectsDeleted,
                            long bytesDeleted, VersioningStatus versioning) {

    public static DeletePreview of(Collection<ObjectVersion> rows, VersioningStatus versioning) {
        int versions = 0;
        int markersRemoved = 0;
        int markersAdded = 0;
        int objects = 0;
        long bytes = 0;
        for (ObjectVersion row : rows) {
            if (row.versionId() != null) {
                if (row.deleteMarker()) {
                    markersRemoved++;
                } else {
                    versions++;
                    bytes += row.size();
                }
            } else if (versioning.keepsVersions()) {
                markersAdded++;
            } else {
                objects++;
                bytes += row.size();
            }
        }
        return new DeletePreview(versions, markersRemoved, markersAdded, objects, bytes, versioning);
    }

    public int total() {
        return versionsDeleted + markersRemoved + markersAdded + objectsDeleted;
    }

    /** Whether anything will be lost for good (the confirmation then needs more than one click). */
    public boolean permanent() {
        return versionsDeleted > 0 || objectsDeleted > 0;
    }

    /** One sentence per kind of effect, e.g. "2 versions will be permanently deleted." */
    public List<String> sentences() {
        List<String> lines = new ArrayList<>();
        if (versionsDeleted > 0) {
            lines.add(count(versionsDeleted, "version", "versions") + " will be permanently deleted.");
        }
        if (objectsDeleted > 0) {
            String what = count(objectsDeleted, "object", "objects");
            lines.add(switch (versioning) {
                case SUSPENDED -> what + " will be permanently deleted (versioning is suspended).";
                case UNKNOWN -> what + " will be deleted, permanently if the bucket is not versioned"
                        + " (its versioning status is unknown).";
                default -> what + " will be permanently deleted (the bucket is not versioned).";
            });
        }
        if (markersRemoved > 0) {
            lines.add(count(markersRemoved, "delete marker", "delete markers") + " will be removed.");
        }
        if (markersAdded > 0) {
            lines.add(count(markersAdded, "delete marker", "delete markers")
                    + " will be added; the data stays and can be restored.");
        }
        return lines;
    }

    /** The sentences joined, e.g. "2 versions will be permanently deleted, 1 delete marker will be added". */
    public String summary() {
        return String.join(" ", sentences());
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
