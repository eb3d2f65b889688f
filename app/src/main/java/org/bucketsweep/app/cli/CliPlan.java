package org.bucketsweep.app.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.plan.DeleteIntent;
import org.bucketsweep.model.plan.DeletePlan;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.plan.Scope;

/**
 * What a {@code delete} will send, with its counted effect; made by listing before anything is sent.
 *
 * @param sizesKnown false when the items file named too many keys to look each one up
 */
record CliPlan(String description, List<VersionRef> items, DeletePreview preview, boolean sizesKnown,
               List<String> warnings) {

    /**
     * Up to this many distinct keys in an items file are looked up one by one for the preview (which versions are
     * delete markers, their sizes); beyond it the preview counts from the file alone.
     */
    static final int LOOKUP_LIMIT = 1000;

    static CliPlan ofIntent(BucketBrowser browser, String bucket, VersioningStatus versioning, CliIntent intent,
                            String prefix, Instant olderThan, Integer keepNewest, Instant asOf,
                            CancellationToken cancel) {
        if (intent == CliIntent.MARKERS) {
            return ofMarkers(browser, bucket, versioning, prefix, cancel);
        }
        Scope scope = Scope.prefix(prefix);
        DeleteIntent wanted = switch (intent) {
            case ALL_VERSIONS -> new DeleteIntent.AllVersions(scope);
            case NONCURRENT -> new DeleteIntent.Noncurrent(scope, olderThan, keepNewest);
            case UNDELETE -> new DeleteIntent.Undelete(scope);
            case ROLLBACK -> new DeleteIntent.RollBack(scope, asOf);
            case MARKERS -> throw new IllegalStateException();
        };
        DeletePlan plan = new DeletePlanner(browser).plan(bucket, versioning, wanted, cancel);
        return new CliPlan(wanted.describe(), plan.items(), plan.preview(), true, plan.warnings());
    }

    /**
     * Every current key under the prefix gets a delete marker. The listing already says what is current, so the
     * keys are not looked up again one by one (as the planner would for a hand-picked list).
     */
    private static CliPlan ofMarkers(BucketBrowser browser, String bucket, VersioningStatus versioning,
                                     String prefix, CancellationToken cancel) {
        List<ObjectVersion> rows = new ArrayList<>();
        browser.listAllVersions(bucket, prefix, page -> page.entries().forEach(e -> {
            if (e instanceof ObjectVersion v && v.latest() && !v.deleteMarker()) {
                rows.add(new ObjectVersion(v.key(), null, true, false, v.size(), v.lastModified(), v.eTag()));
            }
        }), cancel);
        List<String> warnings = new ArrayList<>();
        if (!versioning.keepsVersions() && !rows.isEmpty()) {
            warnings.add(versioning == VersioningStatus.UNKNOWN
                    ? "The bucket's versioning is unknown: if it is not versioned, this deletes the data for good."
                    : "The bucket is " + (versioning == VersioningStatus.SUSPENDED ? "suspended" : "not versioned")
                      + ": no delete marker is kept, the current data is deleted for good.");
        }
        String description = "add delete markers to " + Scope.prefix(prefix);
        return new CliPlan(description, rows.stream().map(ObjectVersion::ref).toList(),
                DeletePreview.of(rows, versioning), true, warnings);
    }

    /**
     * Exactly the file's items, in its order. The planner looks them up for the preview (which versions are
     * delete markers, how big they are, which were not found) unless there are too many keys for that.
     *
     * @param source where the items came from, for the description: a file name, or {@code -} for stdin
     */
    static CliPlan ofItems(BucketBrowser browser, String bucket, VersioningStatus versioning,
                           List<VersionRef> fileItems, String source, CancellationToken cancel) {
        List<VersionRef> exact = List.copyOf(new LinkedHashSet<>(fileItems));
        List<VersionRef> versions = exact.stream().filter(VersionRef::hasVersion).toList();
        List<String> keys = exact.stream().filter(ref -> !ref.hasVersion()).map(VersionRef::key).toList();
        String description = describeItems(versions.size(), keys.size(), source);
        Set<String> distinctKeys = new LinkedHashSet<>();
        exact.forEach(ref -> distinctKeys.add(ref.key()));
        List<ObjectVersion> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (distinctKeys.size() > LOOKUP_LIMIT) {
            exact.forEach(ref -> rows.add(new ObjectVersion(ref.key(), ref.versionId(), false, false, 0, null)));
            warnings.add("The file names " + distinctKeys.size() + " keys, too many to look up one by one: the"
                    + " preview counts from the file alone (delete markers among the versions are counted as"
                    + " versions, sizes are unknown).");
            return new CliPlan(description, exact, DeletePreview.of(rows, versioning), false, warnings);
        }
        DeletePlanner planner = new DeletePlanner(browser);
        List<DeleteIntent> parts = new ArrayList<>();
        if (!versions.isEmpty()) {
            parts.add(new DeleteIntent.DeleteVersions(versions));
        }
        if (!keys.isEmpty()) {
            parts.add(new DeleteIntent.AddDeleteMarkers(keys));
        }
        for (DeleteIntent part : parts) {
            if (!cancel.isCancelled()) {
                DeletePlan plan = planner.plan(bucket, versioning, part, cancel);
                rows.addAll(plan.rows());
                warnings.addAll(plan.warnings());
            }
        }
        return new CliPlan(description, exact, DeletePreview.of(rows, versioning), true, warnings);
    }

    private static String describeItems(int versions, int keys, String source) {
        List<String> parts = new ArrayList<>();
        if (versions > 0) {
            parts.add("delete " + CliText.count(versions, "version", "versions"));
        }
        if (keys > 0) {
            parts.add("delete the current version of " + CliText.count(keys, "key", "keys"));
        }
        String from = source.equals("-") ? "stdin" : source;
        return (parts.isEmpty() ? "nothing" : String.join(" and ", parts)) + " listed in " + from;
    }
}
