package org.bucketsweep.ui.restore;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.restore.VersionRestorer;
import org.bucketsweep.model.restore.VersionRestorer.Restored;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.format.Sizes;
import org.bucketsweep.ui.results.ResultsViewModel;

/**
 * "Restore this version": ask, copy the version over its key in the background, and report the outcome as a row of
 * the results table (restored, with the new version's id, or S3's error code and message).
 */
public final class RestoreWorkflow {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResultsViewModel results;

    public RestoreWorkflow(TaskRunner tasks, DialogService dialogs, ResultsViewModel results) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.results = results;
    }

    /** {@code onDone} runs on the UI thread after a restore was tried (to list the folder again). */
    public void start(VersionRestorer restorer, String bucket, ObjectVersion version, Runnable onDone) {
        String refused = VersionRestorer.refusal(version);
        if (refused == null && results.runningProperty().get()) {
            // Its row would replace the running delete's rows in the results table.
            refused = "A delete is running: restore this version once it has finished.";
        }
        if (refused != null) {
            dialogs.showFailure("Cannot restore this row", new S3Failure("NotRestorable", refused, null, null, true),
                    null);
            return;
        }
        String when = version.lastModified() == null ? "" : " of " + TIME.format(version.lastModified());
        if (!dialogs.confirm(Confirmation.of("Restore this version",
                "Make version " + version.versionId() + when + " the current version of " + version.key() + "?",
                "A copy of it (" + Sizes.human(version.size()) + ") becomes the current version. The versions after"
                        + " it stay, as noncurrent versions: nothing is deleted.",
                "Restore"))) {
            return;
        }
        tasks.run("restore " + version.key(), () -> restorer.restore(bucket, version), restored -> {
            results.showRestore((restored.succeeded() ? "Restored " : "Could not restore ") + version.key() + " in "
                    + bucket, bucket, row(version, restored));
            onDone.run();
        }, error -> dialogs.showFailure("Could not restore " + version.key(), S3Failure.of(error), error));
    }

    /** The results table's row: the version that was copied, and what the copy made of it. */
    static ItemResult row(ObjectVersion version, Restored restored) {
        if (!restored.succeeded()) {
            return ItemResult.failed(version.ref(), restored.errorCode(), restored.errorMessage(), null, 1);
        }
        String message = restored.newVersionId() == null
                ? "Copied over its key; the server named no new version."
                : "Restored: new version " + restored.newVersionId() + " from version " + version.versionId() + ".";
        return new ItemResult(version.ref(), DeleteOutcome.RESTORED, null, null, message, null, 1);
    }
}
