package org.bucketsweep.ui.delete;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.bucket.BucketRemover;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectLockStatus;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.plan.DeleteIntent;
import org.bucketsweep.model.plan.DeletePlan;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.plan.Scope;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.format.Sizes;

/**
 * "Empty and delete bucket": list everything, say exactly what will go and have the bucket's name typed, delete every
 * version and delete marker as an ordinary (journaled, MFA-aware) delete job, then abort the incomplete uploads and
 * delete the bucket, but only when nothing is left. Any item that could not be deleted (Object Lock, a refused code)
 * stops it before DeleteBucket, with the results table showing which.
 */
public final class BucketRemovalWorkflow {

    /** What the plan found, before the person confirms. */
    private record Found(DeletePlan plan, List<MultipartUpload> uploads) {
    }

    /** The connection's services the workflow needs. */
    public record Services(BatchDeleter deleter, DeletePlanner planner, MultipartUploads uploads,
                           BucketRemover remover, String endpoint) {
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DeleteWorkflow deletes;

    public BucketRemovalWorkflow(TaskRunner tasks, DialogService dialogs, DeleteWorkflow deletes) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.deletes = deletes;
    }

    /**
     * Plans, asks, and runs; {@code onDone} gets {@code true} on the UI thread when the bucket is gone, {@code false}
     * when the person cancelled or it stopped (the reason was shown).
     */
    public void start(Services services, BucketSummary bucket, Consumer<Boolean> onDone) {
        CancellationToken cancel = new CancellationToken();
        tasks.run("plan emptying " + bucket.name(), () -> new Found(
                services.planner().plan(bucket.name(), bucket.versioningOrUnknown().versioning(),
                        new DeleteIntent.AllVersions(Scope.prefix("")), cancel),
                services.uploads().listAll(bucket.name(), "", cancel)), found -> {
            if (!dialogs.confirm(confirmation(bucket, found))) {
                onDone.accept(false);
                return;
            }
            if (found.plan().isEmpty()) {
                finish(services, bucket, onDone);
                return;
            }
            deletes.run(services.deleter(), services.endpoint(), bucket, found.plan(), DeleteOptions.DEFAULTS,
                    summary -> afterDelete(services, bucket, summary, onDone));
        }, error -> {
            dialogs.showFailure("Could not list " + bucket.name(), S3Failure.of(error), error);
            onDone.accept(false);
        });
    }

    private void afterDelete(Services services, BucketSummary bucket, DeleteSummary summary,
                             Consumer<Boolean> onDone) {
        if (summary == null) {
            onDone.accept(false);
            return;
        }
        if (!summary.allSucceeded()) {
            int left = summary.total() - (int) summary.counts().entrySet().stream()
                    .filter(e -> e.getKey().succeeded()).mapToLong(e -> e.getValue()).sum();
            dialogs.showFailure("Bucket " + bucket.name() + " was not deleted", new S3Failure("NotEmptied",
                    String.format(Locale.ROOT, "%,d of %,d items could not be deleted (see the results table:"
                            + " Object Lock retention or a legal hold, a refused MFA code, or access denied). The"
                            + " incomplete uploads were not aborted.", left, summary.total()),
                    null, "Deal with those items, then empty and delete the bucket again.", true), null);
            onDone.accept(false);
            return;
        }
        finish(services, bucket, onDone);
    }

    private void finish(Services services, BucketSummary bucket, Consumer<Boolean> onDone) {
        tasks.run("delete bucket " + bucket.name(),
                () -> services.remover().removeEmptied(bucket.name(), new CancellationToken()), removal -> {
                    if (!removal.deleted()) {
                        dialogs.showFailure("Bucket " + bucket.name() + " was not deleted",
                                new S3Failure("BucketNotEmpty", removal.reason(), null, null, true), null);
                    }
                    onDone.accept(removal.deleted());
                }, error -> {
                    dialogs.showFailure("Bucket " + bucket.name() + " was not deleted", S3Failure.of(error), error);
                    onDone.accept(false);
                });
    }

    private static Confirmation confirmation(BucketSummary bucket, Found found) {
        List<String> lines = new ArrayList<>(found.plan().preview().sentences());
        if (found.plan().preview().bytesDeleted() > 0) {
            lines.add(Sizes.human(found.plan().preview().bytesDeleted()) + " of data will be gone.");
        }
        long uploadBytes = found.uploads().stream().mapToLong(MultipartUpload::bytes).sum();
        if (!found.uploads().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "%,d incomplete %s holding %s will be aborted.",
                    found.uploads().size(), found.uploads().size() == 1 ? "upload" : "uploads",
                    Sizes.human(uploadBytes)));
        }
        if (found.plan().isEmpty() && found.uploads().isEmpty()) {
            lines.add("The bucket is empty.");
        }
        lines.add("Then the bucket itself is deleted, if nothing is left. This cannot be undone.");
        if (bucket.versioningOrUnknown().mfaDelete() == MfaDeleteStatus.ENABLED) {
            lines.add("MFA Delete is on: each request of 1,000 versions asks for a fresh code.");
        }
        if (bucket.objectLock() != null && bucket.objectLock().state() == ObjectLockStatus.State.ENABLED) {
            lines.add("Object Lock is on: versions under retention or a legal hold are not deleted (never bypassed),"
                    + " and the bucket then stays.");
        }
        return new Confirmation("Empty and delete bucket", "Empty and delete bucket " + bucket.name() + "?",
                String.join("\n", lines), "Empty and delete", bucket.name());
    }
}
