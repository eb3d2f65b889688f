package org.bucketsweep.ui.restore;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.restore.VersionRestorer;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.format.Sizes;
import org.bucketsweep.ui.jobs.JobNotice;
import org.bucketsweep.ui.jobs.JobsViewModel;

/** "Restore this version": ask, copy the version over its key in the background, and say how it went. */
public final class RestoreWorkflow {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final JobsViewModel jobs;

    public RestoreWorkflow(TaskRunner tasks, DialogService dialogs, JobsViewModel jobs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.jobs = jobs;
    }

    /** {@code onDone} runs on the UI thread after a restore was tried (to list the folder again). */
    public void start(VersionRestorer restorer, String bucket, ObjectVersion version, Runnable onDone) {
        String refused = VersionRestorer.refusal(version);
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
            if (restored.succeeded()) {
                jobs.announce(new JobNotice("Restored " + version.key(), "Version " + version.versionId()
                        + " is current again" + (restored.newVersionId() == null ? "."
                        : ", as version " + restored.newVersionId() + "."), false));
            } else {
                dialogs.showFailure("Could not restore " + version.key(), new S3Failure(restored.errorCode(),
                        restored.errorMessage(), null, null, true), null);
            }
            onDone.run();
        }, error -> dialogs.showFailure("Could not restore " + version.key(), S3Failure.of(error), error));
    }
}
