package org.bucketsweep.ui.main;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.journal.JobJournal;
import org.bucketsweep.model.journal.JournalContents;
import org.bucketsweep.model.journal.JournalEntry;
import org.bucketsweep.model.journal.JournalReader;
import org.bucketsweep.model.plan.DeleteIntent;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.delete.DeleteWorkflow;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs whose journal has no end record (the app or the machine stopped mid-job): found at start-up, and reviewed,
 * resumed as a new delete the person confirms, or dismissed.
 */
final class UnfinishedJobs {

    /** What resuming needs of the open connection; {@code null} fields while none is open. */
    record Session(String endpoint, DeletePlanner planner, BatchDeleter deleter) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedJobs.class);

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResultsViewModel results;
    private final JobsViewModel jobs;
    private final DeleteWorkflow deletes;
    private final Path journalDir;
    private final ObservableList<JournalEntry> unfinished = FXCollections.observableArrayList();

    UnfinishedJobs(TaskRunner tasks, DialogService dialogs, ResultsViewModel results, JobsViewModel jobs,
                   DeleteWorkflow deletes, Path journalDir) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.results = results;
        this.jobs = jobs;
        this.deletes = deletes;
        this.journalDir = journalDir;
    }

    /** Lists the past jobs in the jobs panel and looks for the unfinished ones. */
    void check() {
        if (journalDir == null) {
            return;
        }
        jobs.loadHistory();
        tasks.run("find unfinished jobs", () -> JournalReader.unfinished(journalDir), unfinished::setAll,
                error -> LOG.warn("Could not read the job journals in {}: {}", journalDir, error.getMessage()));
    }

    /** Shows a job's recorded outcomes in the results table. */
    void review(Path journal) {
        tasks.run("read journal", () -> JournalReader.read(journal), results::show,
                error -> dialogs.showFailure("Could not read the job's journal", S3Failure.of(error), error));
    }

    /**
     * Offers what the job did not confirm as a new delete, on the same endpoint and bucket. When that job has run,
     * the old journal is settled so it is not offered again.
     */
    void resume(JournalEntry job, Session session, List<BucketSummary> buckets, Runnable afterwards) {
        String endpoint = session.endpoint();
        if (endpoint == null || !endpoint.equals(job.header().endpoint())) {
            dialogs.showFailure("Connect first", new S3Failure("NotConnected", "This job ran against "
                    + job.header().endpoint() + ". Connect there first, then resume it.", null, null, true), null);
            return;
        }
        BucketSummary bucket = buckets.stream().filter(b -> b.name().equals(job.header().bucket()))
                .findFirst().orElse(BucketSummary.named(job.header().bucket(), null));
        tasks.run("plan resume", () -> {
            JournalContents contents = JournalReader.read(job.path());
            return session.planner().plan(bucket.name(), bucket.versioningOrUnknown().versioning(),
                    new DeleteIntent.DeleteVersions(contents.resumeItems()), new CancellationToken()).rows();
        }, rows -> deletes.start(session.deleter(), session.planner(), endpoint, bucket, "", rows, () -> {
            settle(job, "resumed");
            afterwards.run();
        }), error -> dialogs.showFailure("Could not plan the resume", S3Failure.of(error), error));
    }

    /** Marks a job as dealt with, without sending anything. */
    void dismiss(JournalEntry job) {
        settle(job, "dismissed");
    }

    private void settle(JournalEntry job, String reason) {
        tasks.run("settle journal", () -> {
            JobJournal.settle(job.path(), reason);
            return job;
        }, unfinished::remove,
                error -> dialogs.showFailure("Could not update the job's journal", S3Failure.of(error), error));
    }

    /** Jobs that stopped before their end, oldest last. */
    ObservableList<JournalEntry> list() {
        return unfinished;
    }
}
