package org.bucketsweep.model.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.plan.DeleteIntent.AddDeleteMarkers;
import org.bucketsweep.model.plan.DeleteIntent.AllVersions;
import org.bucketsweep.model.plan.DeleteIntent.DeleteVersions;
import org.bucketsweep.model.plan.DeleteIntent.Noncurrent;
import org.bucketsweep.model.plan.DeleteIntent.RollBack;
import org.bucketsweep.model.plan.DeleteIntent.Undelete;

/** Turns an intent into an exact {@link DeletePlan} by listing the bucket. Blocks: call it off the UI thread. */
public final class DeletePlanner {

    private final BucketBrowser browser;

    public DeletePlanner(BucketBrowser browser) {
        this.browser = browser;
    }

    /** The plan for rows the person selected in a listing: nothing to look up, the rows are the plan. */
    public static DeletePlan ofRows(String bucket, VersioningStatus versioning, List<ObjectVersion> rows) {
        List<ObjectVersion> unique = List.copyOf(new LinkedHashSet<>(rows));
        List<String> warnings = new ArrayList<>();
        if (!versioning.keepsVersions() && unique.stream().anyMatch(r -> r.versionId() == null)) {
            warnings.add(noMarkerWarning(versioning));
        }
        return new DeletePlan(bucket, new DeleteIntent.Selected(unique.stream().map(ObjectVersion::ref).toList()),
                unique, DeletePreview.of(unique, versioning), warnings);
    }

    private static String noMarkerWarning(VersioningStatus versioning) {
        return versioning == VersioningStatus.UNKNOWN
                ? "The bucket's versioning is unknown: if it is not versioned, this deletes the data for good."
                : "The bucket is " + (versioning == VersioningStatus.SUSPENDED ? "suspended" : "not versioned")
                  + ": no delete marker is kept, the current data is deleted for good.";
    }

    public DeletePlan plan(String bucket, VersioningStatus versioning, DeleteIntent intent,
                           CancellationToken cancel) {
        if (intent instanceof DeleteIntent.Selected selected) {
            throw new IllegalArgumentException("Plan a selection with ofRows: " + selected.describe());
        }
        List<String> warnings = new ArrayList<>();
        List<ObjectVersion> rows;
        if (intent instanceof AddDeleteMarkers markers) {
            rows = markersFor(bucket, markers.keys(), cancel, warnings);
        } else if (intent instanceof DeleteVersions versions) {
            rows = exactVersions(bucket, versions.items(), cancel, warnings);
        } else if (intent instanceof AllVersions all) {
            rows = everyVersion(bucket, all.scope(), cancel);
        } else if (intent instanceof Noncurrent noncurrent) {
            rows = noncurrent(bucket, noncurrent, cancel);
        } else if (intent instanceof RollBack rollBack) {
            rows = newerThan(bucket, rollBack, cancel, warnings);
            if (!versioning.keepsVersions() && !rows.isEmpty()) {
                warnings.add("The bucket is not versioned (or its versioning is unknown): the newer objects are"
                        + " deleted, and nothing older is there to come back.");
            }
        } else {
            rows = latestMarkers(bucket, ((Undelete) intent).scope(), cancel);
        }
        if (intent instanceof AddDeleteMarkers && !versioning.keepsVersions() && !rows.isEmpty()) {
            warnings.add(noMarkerWarning(versioning));
        }
        if (cancel.isCancelled()) {
            warnings.add("Planning was cancelled: the list is incomplete.");
        }
        return new DeletePlan(bucket, intent, rows, DeletePreview.of(rows, versioning), warnings);
    }

    /** Keys as they are now: a key that does not exist (or is already deleted) still gets a marker on S3. */
    private List<ObjectVersion> markersFor(String bucket, List<String> keys, CancellationToken cancel,
                                           List<String> warnings) {
        List<ObjectVersion> rows = new ArrayList<>();
        int missing = 0;
        for (String key : new LinkedHashSet<>(keys)) {
            ObjectVersion latest = versionsOfKey(bucket, key, cancel).stream()
                    .filter(ObjectVersion::latest).findFirst().orElse(null);
            if (latest == null || latest.deleteMarker()) {
                missing++;
            }
            rows.add(new ObjectVersion(key, null, true, false, latest == null ? 0 : latest.size(),
                    latest == null ? null : latest.lastModified(), eTagOfCurrent(latest)));
        }
        if (missing > 0) {
            warnings.add(missing + (missing == 1 ? " key does" : " keys do")
                    + " not exist or is already deleted; S3 adds a delete marker anyway.");
        }
        return rows;
    }

    /** The ETag a delete of the key's current object is conditional on: none when there is no current object. */
    private static String eTagOfCurrent(ObjectVersion latest) {
        return latest == null || latest.deleteMarker() ? null : latest.eTag();
    }

    /** The named versions, looked up so the preview knows which are delete markers and how big they are. */
    private List<ObjectVersion> exactVersions(String bucket, List<VersionRef> items, CancellationToken cancel,
                                              List<String> warnings) {
        Set<String> keys = new LinkedHashSet<>();
        items.forEach(ref -> keys.add(ref.key()));
        List<ObjectVersion> found = new ArrayList<>();
        for (String key : keys) {
            found.addAll(versionsOfKey(bucket, key, cancel));
        }
        List<ObjectVersion> rows = new ArrayList<>();
        int missing = 0;
        for (VersionRef ref : new LinkedHashSet<>(items)) {
            if (!ref.hasVersion()) {
                // A key without a version (as in a retry of failed items): it gets a delete marker.
                ObjectVersion latest = found.stream().filter(v -> v.key().equals(ref.key()) && v.latest())
                        .findFirst().orElse(null);
                rows.add(new ObjectVersion(ref.key(), null, true, false, latest == null ? 0 : latest.size(),
                        latest == null ? null : latest.lastModified(), eTagOfCurrent(latest)));
                continue;
            }
            ObjectVersion row = found.stream().filter(v -> v.ref().equals(ref)).findFirst().orElse(null);
            if (row == null) {
                missing++;
                row = new ObjectVersion(ref.key(), ref.versionId(), false, false, 0, null);
            }
            rows.add(row);
        }
        if (missing > 0) {
            warnings.add(missing + (missing == 1 ? " version was" : " versions were")
                    + " not found; S3 reports a missing version as deleted.");
        }
        return rows;
    }

    private List<ObjectVersion> everyVersion(String bucket, Scope scope, CancellationToken cancel) {
        List<ObjectVersion> rows = new ArrayList<>();
        list(bucket, scope, cancel, rows::add);
        return rows;
    }

    private List<ObjectVersion> latestMarkers(String bucket, Scope scope, CancellationToken cancel) {
        List<ObjectVersion> rows = new ArrayList<>();
        list(bucket, scope, cancel, v -> {
            if (v.latest() && v.deleteMarker()) {
                rows.add(v);
            }
        });
        return rows;
    }

    /**
     * S3 lists a key's versions newest first, so the version before a noncurrent one in the list is its successor,
     * and the successor's date is when it became noncurrent (the date S3 lifecycle rules count from).
     */
    private List<ObjectVersion> noncurrent(String bucket, Noncurrent intent, CancellationToken cancel) {
        List<ObjectVersion> rows = new ArrayList<>();
        ObjectVersion[] previous = {null};
        int[] noncurrentSeen = {0};
        list(bucket, intent.scope(), cancel, v -> {
            ObjectVersion successor = previous[0] != null && previous[0].key().equals(v.key()) ? previous[0] : null;
            previous[0] = v;
            if (successor == null) {
                noncurrentSeen[0] = 0;
            }
            if (v.latest() || successor == null) {
                return;
            }
            noncurrentSeen[0]++;
            boolean beyondNewest = intent.keepNewest() == null || noncurrentSeen[0] > intent.keepNewest();
            boolean oldEnough = intent.olderThan() == null || (successor.lastModified() != null
                    && successor.lastModified().isBefore(intent.olderThan()));
            if (beyondNewest && oldEnough) {
                rows.add(v);
            }
        });
        return rows;
    }

    /** The versions and markers written after the date; a row without a date is kept, and said so. */
    private List<ObjectVersion> newerThan(String bucket, RollBack intent, CancellationToken cancel,
                                          List<String> warnings) {
        List<ObjectVersion> rows = new ArrayList<>();
        int undated = 0;
        Set<String> keysGone = new HashSet<>();
        Set<String> keysKept = new HashSet<>();
        List<ObjectVersion> listed = new ArrayList<>();
        list(bucket, intent.scope(), cancel, listed::add);
        for (ObjectVersion v : listed) {
            if (v.lastModified() == null) {
                undated++;
                keysKept.add(v.key());
            } else if (v.lastModified().isAfter(intent.asOf())) {
                rows.add(v);
                keysGone.add(v.key());
            } else {
                keysKept.add(v.key());
            }
        }
        keysGone.removeAll(keysKept);
        if (!keysGone.isEmpty()) {
            warnings.add(keysGone.size() + (keysGone.size() == 1 ? " key was" : " keys were")
                    + " created after that date and will be gone entirely.");
        }
        if (undated > 0) {
            warnings.add(undated + (undated == 1 ? " version has" : " versions have")
                    + " no date from the server and " + (undated == 1 ? "is" : "are") + " left alone.");
        }
        return rows;
    }

    private List<ObjectVersion> versionsOfKey(String bucket, String key, CancellationToken cancel) {
        List<ObjectVersion> rows = new ArrayList<>();
        browser.listAllVersions(bucket, key, page -> page.entries().forEach(e -> {
            if (e instanceof ObjectVersion v && v.key().equals(key)) {
                rows.add(v);
            }
        }), cancel);
        return rows;
    }

    private void list(String bucket, Scope scope, CancellationToken cancel, Consumer<ObjectVersion> sink) {
        if (scope.isPrefix()) {
            browser.listAllVersions(bucket, scope.prefix(), page -> page.entries().forEach(e -> {
                if (e instanceof ObjectVersion v) {
                    sink.accept(v);
                }
            }), cancel);
            return;
        }
        Set<String> done = new HashSet<>();
        for (String key : scope.keys()) {
            if (done.add(key) && !cancel.isCancelled()) {
                versionsOfKey(bucket, key, cancel).forEach(sink);
            }
        }
    }
}
