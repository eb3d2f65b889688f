package org.bucketsweep.ui.delete;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.BiConsumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteListener;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.JobProgress;
import org.bucketsweep.model.delete.MfaCancelledException;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.journal.JobHeader;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.journal.JobJournal;
import org.bucketsweep.model.plan.DeletePlan;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.concurrent.UiBatcher;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DeleteDecision;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.dialog.MfaAnswer;
import org.bucketsweep.ui.jobs.JobRow;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsViewModel;

/**
 * A delete from the person's choice to the results table: plan exactly what will happen, confirm it, run the job in
 * the background (asking for an MFA code per request where the bucket needs one), and stream the results in batches.
 */
public final class DeleteWorkflow {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResultsViewModel results;
    private final JobsViewModel jobs;
    private final Path journalDir;
    /** The serial typed last; the code itself is never kept. */
    private volatile String rememberedSerial = "";
    private BiConsumer<BucketSummary, SweepRule> onLifecycleRule = (bucket, rule) -> { };

    /** @param journalDir where each job's journal goes; {@code null} keeps none (tests) */
    public DeleteWorkflow(TaskRunner tasks, DialogService dialogs, ResultsViewModel results, JobsViewModel jobs,
                          Path journalDir) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.results = results;
        this.jobs = jobs;
        this.journalDir = journalDir;
    }

    /** What "Create a lifecycle rule instead" in the delete dialog opens, with the rule the intent maps to. */
    public void setOnLifecycleRule(BiConsumer<BucketSummary, SweepRule> handler) {
        this.onLifecycleRule = handler;
    }

    /**
     * Opens the delete dialog on the selection (or, without one, on the current folder), then runs exactly the plan
     * the person confirmed. Returns whether a job started; {@code onFinished} runs on the UI thread when it ends.
     */
    public boolean start(BatchDeleter deleter, DeletePlanner planner, String endpoint, BucketSummary bucket,
                         String prefix, List<ObjectVersion> rows, Runnable onFinished) {
        if (results.runningProperty().get()) {
            return false;
        }
        DeleteDialogViewModel dialog = new DeleteDialogViewModel(tasks, planner, bucket, prefix, rows);
        Optional<DeleteDecision> decision = dialogs.askDelete(dialog);
        if (decision.isEmpty() && dialog.lifecycleRequested()) {
            dialog.lifecycleRule().ifPresent(rule -> onLifecycleRule.accept(bucket, rule));
            return false;
        }
        if (decision.isEmpty() || decision.get().plan().isEmpty()) {
            return false;
        }
        run(deleter, endpoint, bucket, decision.get().plan(), decision.get().options(), summary -> onFinished.run());
        return true;
    }

    /**
     * Runs a plan the person confirmed: journaled, results streamed to the results table and the jobs panel, MFA
     * codes asked for where the bucket needs them. {@code onFinished} gets the summary on the UI thread, or
     * {@code null} when the job stopped as a whole (the failure was shown).
     */
    public void run(BatchDeleter deleter, String endpoint, BucketSummary bucket, DeletePlan plan,
                    DeleteOptions options, Consumer<DeleteSummary> onFinished) {
        boolean mfa = bucket.versioningOrUnknown().mfaDelete() == MfaDeleteStatus.ENABLED;
        List<VersionRef> items = plan.items();
        String intent = capitalize(plan.intent().describe());
        JobHeader header = JobHeader.start(bucket.name(), items, mfa, options, endpoint, intent,
                JobHeader.plannedCounts(plan.preview()));
        CancellationToken cancel = new CancellationToken();
        JobProgress progress = new JobProgress(items.size());
        JobRow row = jobs.started(header, progress, cancel);
        results.begin(intent + " in " + bucket.name() + "…", bucket.name(), items.size(), cancel);
        // Results reach the table a bounded batch at a time; the job counts as finished once the last is shown.
        UiBatcher<ItemResult> batcher = new UiBatcher<>(tasks.ui(), ResultsViewModel.ROWS_PER_HAND_OVER, r -> 1,
                batch -> {
                    results.add(batch);
                    jobs.tick();
                });
        DeleteListener screen = DeleteListener.both(progress, batcher::addAll);
        tasks.run("delete in " + bucket.name(),
                () -> runJournaled(deleter, new DeleteJob(bucket.name(), items, mfa, options), header, screen, row,
                        cancel),
                summary -> batcher.whenHandedOver(() -> {
                    results.finish(describe(bucket.name(), summary));
                    jobs.finished(row, summary);
                    onFinished.accept(summary);
                }),
                error -> batcher.whenHandedOver(() -> {
                    S3Failure failure = S3Failure.of(error);
                    results.finish("The delete stopped: " + failure.summary());
                    jobs.stopped(row, failure);
                    dialogs.showFailure("The delete stopped", failure, error);
                    onFinished.accept(null);
                }));
    }

    /**
     * Runs the job with its journal: the plan is on disk before the first request, each request before it is sent,
     * each outcome after it arrives, so a crash leaves a job that can be reviewed and resumed.
     */
    private DeleteSummary runJournaled(BatchDeleter deleter, DeleteJob job, JobHeader header, DeleteListener screen,
                                       JobRow row, CancellationToken cancel) {
        if (journalDir == null) {
            return deleter.run(job, this::askMfa, this::askWithoutCondition, screen, cancel);
        }
        try (JobJournal journal = JobJournal.create(journalDir, header, job.items())) {
            tasks.ui().execute(() -> jobs.journaled(row, journal.path()));
            DeleteSummary summary = deleter.run(job, this::askMfa, this::askWithoutCondition,
                    DeleteListener.both(journal, screen), cancel);
            journal.finish(summary);
            return summary;
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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

    /**
     * Runs on the job's thread, at most once per job: the server rejected the previewed ETags (nothing of that request
     * was deleted); asks on the UI thread whether to go on without them, and waits for the person.
     */
    private boolean askWithoutCondition(String serverAnswer) {
        Confirmation question = Confirmation.of("Conditional delete not supported",
                "The server cannot delete only what was previewed: it rejected the previewed ETags.",
                "Nothing of that request was deleted, and nothing more will be unless you agree.\n"
                        + "Going on deletes the remaining current objects whatever they hold now, also objects"
                        + " overwritten since the preview.\nThe server said: " + serverAnswer,
                "Delete without the check");
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        tasks.ui().execute(() -> {
            try {
                answer.complete(dialogs.confirm(question));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
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
