package org.bucketsweep.ui.delete;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCancelledException;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.concurrent.UiBatcher;
import org.bucketsweep.ui.dialog.DeleteConfirmation;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.dialog.MfaAnswer;
import org.bucketsweep.ui.results.ResultsViewModel;

/**
 * A delete from the person's selection to the results table: count what will happen, confirm it, run the job in the
 * background (asking for an MFA code per request where the bucket needs one), and stream the results in batches.
 */
public final class DeleteWorkflow {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResultsViewModel results;
    /** The serial typed last; the code itself is never kept. */
    private volatile String rememberedSerial = "";

    public DeleteWorkflow(TaskRunner tasks, DialogService dialogs, ResultsViewModel results) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.results = results;
    }

    /**
     * Asks the person to confirm, then deletes exactly {@code rows}. Returns whether the job started;
     * {@code onFinished} runs on the UI thread when it ends.
     */
    public boolean start(BatchDeleter deleter, BucketSummary bucket, List<ObjectVersion> rows, Runnable onFinished) {
        if (rows.isEmpty() || results.runningProperty().get()) {
            return false;
        }
        DeletePreview preview = DeletePreview.of(rows, bucket.status().versioning());
        List<VersionRef> items = rows.stream().map(ObjectVersion::ref).toList();
        boolean mfa = bucket.status().mfaDelete() == MfaDeleteStatus.ENABLED;
        if (!dialogs.confirmDelete(new DeleteConfirmation(bucket.name(), preview, items, mfa))) {
            return false;
        }
        DeleteJob job = DeleteJob.of(bucket.name(), items, mfa);
        CancellationToken cancel = new CancellationToken();
        results.begin("Deleting " + job.items().size() + " items in " + bucket.name() + "…", job.items().size(),
                cancel);
        UiBatcher<ItemResult> batcher = new UiBatcher<>(tasks.ui(), results::add);
        tasks.run("delete in " + bucket.name(),
                () -> deleter.run(job, this::askMfa, batcher::addAll, cancel),
                summary -> {
                    batcher.flush();
                    results.finish(describe(bucket.name(), summary));
                    onFinished.run();
                },
                error -> {
                    batcher.flush();
                    results.finish("The delete stopped: " + S3Failure.of(error).summary());
                    dialogs.showFailure("The delete stopped", S3Failure.of(error), error);
                    onFinished.run();
                });
        return true;
    }

    /** Runs on the job's thread: shows the MFA dialog on the UI thread and waits for the person. */
    private String askMfa(MfaRequest request) throws MfaCancelledException {
        CompletableFuture<Optional<MfaAnswer>> answer = new CompletableFuture<>();
        tasks.ui().execute(() -> {
            try {
                answer.complete(dialogs.askMfaCode(request, rememberedSerial));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        MfaAnswer given = answer.join()
                .orElseThrow(() -> new MfaCancelledException("The MFA code was not given."));
        rememberedSerial = given.serial();
        return given.headerValue();
    }

    private static String describe(String bucket, DeleteSummary summary) {
        int failed = summary.count(DeleteOutcome.FAILED);
        int skipped = summary.count(DeleteOutcome.NOT_ATTEMPTED);
        if (failed == 0 && skipped == 0) {
            return "Done: " + summary.total() + " items in " + bucket + ".";
        }
        return "Finished with problems: " + failed + " failed, " + skipped + " not attempted, of "
                + summary.total() + " items in " + bucket + ".";
    }
}
