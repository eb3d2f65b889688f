package org.bucketsweep.app.cli;

import static org.bucketsweep.app.cli.CliText.bytes;
import static org.bucketsweep.app.cli.CliText.count;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.IfUnchanged;
import org.bucketsweep.model.delete.VersionRef;

/** What {@code delete} tells the person on stderr: the plan before anything is sent, the summary at the end. */
final class DeleteReport {

    private final PrintStream err;

    DeleteReport(PrintStream err) {
        this.err = err;
    }

    void plan(String bucket, BucketVersioning versioning, CliPlan plan, boolean mfaDelete, boolean dryRun) {
        plan(bucket, versioning, plan, mfaDelete, dryRun, DeleteOptions.DEFAULTS.ifUnchanged());
    }

    void plan(String bucket, BucketVersioning versioning, CliPlan plan, boolean mfaDelete, boolean dryRun,
              IfUnchanged ifUnchanged) {
        err.println("Bucket " + bucket + " (" + versioning.versioning().label()
                + (versioning.mfaDelete() == MfaDeleteStatus.ENABLED ? ", MFA Delete" : "") + "): "
                + plan.description() + (dryRun ? " [dry run]" : ""));
        DeletePreview preview = plan.preview();
        if (plan.items().isEmpty()) {
            err.println("  Nothing to delete.");
        }
        for (String sentence : preview.sentences()) {
            err.println("  " + sentence);
        }
        if (preview.permanent()) {
            err.println("  Data deleted for good: " + (plan.sizesKnown() ? bytes(preview.bytesDeleted()) : "unknown")
                    + ".");
        }
        long mfaRequests = mfaDelete ? requestsNamingVersions(plan.items()) : 0;
        if (mfaRequests > 0) {
            err.println("  MFA Delete: " + count(mfaRequests, "request needs", "requests need") + " an MFA code.");
        }
        String conditional = ifUnchanged.describe(plan.items());
        if (conditional != null) {
            err.println("  " + conditional);
        }
        for (String warning : plan.warnings()) {
            err.println("  Warning: " + warning);
        }
        err.flush();
    }

    private static long requestsNamingVersions(List<VersionRef> items) {
        long versions = items.stream().filter(VersionRef::hasVersion).count();
        return (versions + DeleteJob.MAX_BATCH - 1) / DeleteJob.MAX_BATCH;
    }

    /**
     * @param failures failed items by error code
     * @param results the results file, or null for stdout
     */
    void summary(DeleteSummary summary, double seconds, Map<String, Integer> failures, boolean cancelled,
                 Path results) {
        List<String> counts = new ArrayList<>();
        for (DeleteOutcome outcome : DeleteOutcome.values()) {
            // A delete never restores: RESTORED is the window's "restore this version", not an outcome here.
            if (outcome != DeleteOutcome.RESTORED) {
                counts.add(outcome.name() + "=" + summary.count(outcome));
            }
        }
        int total = summary.total();
        err.println((cancelled ? "Cancelled: " : "Done: ") + String.join(" ", counts) + "; "
                + count(total, "item", "items") + " in " + String.format(Locale.ROOT, "%.2f s (%.1f items/s), ",
                seconds, total / seconds) + count(summary.requestsSent(), "request", "requests")
                + (results == null ? "" : "; results in " + results) + ".");
        if (!failures.isEmpty()) {
            List<String> byCode = new ArrayList<>();
            failures.forEach((code, n) -> byCode.add(code + "=" + n));
            err.println("Failed by error code: " + String.join(" ", byCode) + ".");
        }
        if (failures.containsKey(BatchDeleter.CONDITIONAL_DELETE_UNSUPPORTED)) {
            err.println("The server rejected the previewed ETags (no conditional delete), so nothing more was"
                    + " deleted. To delete without that check, rerun with --if-unchanged never (objects changed"
                    + " since the preview are then deleted too).");
        }
        err.flush();
    }
}
