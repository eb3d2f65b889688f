package org.bucketsweep.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Parent;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.delete.DeleteWorkflow;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsView;
import org.bucketsweep.ui.results.ResultsViewModel;

/**
 * A delete job's results streaming into the real results view, fed as the app feeds it: {@link DeleteWorkflow}
 * runs the engine in the background with its journal and hands the results to the view in batches. Each run deletes
 * every version of a freshly seeded bucket, selected from a listing as a person would.
 */
final class ResultsStreaming extends WindowScenario {

    private final TaskRunner tasks;
    private final ConfirmingDialogs dialogs;
    private final S3Connection connection;
    private final BucketSeeder seeder;
    private final Path journals;
    private final int rows;
    private ResultsViewModel results;
    private DeleteWorkflow workflow;

    ResultsStreaming(TaskRunner tasks, ConfirmingDialogs dialogs, S3Connection connection, URI endpoint,
                     Path journals, int rows) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.connection = connection;
        this.seeder = new BucketSeeder(endpoint, connection.client());
        this.journals = journals;
        this.rows = rows;
    }

    @Override
    Parent createView() {
        results = new ResultsViewModel(tasks, dialogs);
        workflow = new DeleteWorkflow(tasks, dialogs, results, new JobsViewModel(tasks, journals), journals);
        return new ResultsView(results);
    }

    @Override
    String label() {
        return String.format(Locale.ROOT, "Results view: a delete job's %,d results streaming in", rows);
    }

    @Override
    int rows() {
        return rows;
    }

    PulseRecorder.PulseGaps runOnce(int round) throws Exception {
        String bucket = "results-" + round;
        BucketSeeder.Seeding seeding = seeder.versioned(bucket, rows, 4, 0);
        BucketBrowser browser = new BucketBrowser(connection);
        List<ObjectVersion> selected = new ArrayList<>(rows);
        browser.listAllVersions(bucket, "", page -> page.entries().forEach(e -> selected.add((ObjectVersion) e)),
                new CancellationToken());
        System.out.printf(Locale.ROOT, "  seeded %s: %s; %,d rows selected%n", bucket, seeding.describe(),
                selected.size());
        BucketSummary summary = new BucketSummary(bucket, Instant.now(),
                new BucketVersioning(VersioningStatus.ENABLED, MfaDeleteStatus.DISABLED));
        CompletableFuture<Void> finished = new CompletableFuture<>();
        PulseRecorder.PulseGaps gaps = record(() -> {
            boolean started = workflow.start(new BatchDeleter(connection), new DeletePlanner(browser),
                    connection.settings().endpoint().toString(), summary, "", selected, () -> finished.complete(null));
            if (!started) {
                finished.completeExceptionally(new IllegalStateException("the delete did not start"));
            }
        }, finished);
        int deleted = FxThread.call(() -> results.count(DeleteOutcome.DELETED));
        String failure = dialogs.takeFailure();
        if (failure != null || deleted != rows) {
            throw new IllegalStateException("the job deleted " + deleted + " of " + rows
                    + (failure == null ? "" : "; " + failure));
        }
        connection.client().deleteBucket(b -> b.bucket(bucket));
        return gaps;
    }
}
