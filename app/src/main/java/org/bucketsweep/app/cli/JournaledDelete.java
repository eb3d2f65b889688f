package org.bucketsweep.app.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.bucketsweep.app.settings.AppDirectories;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteListener;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.journal.JobHeader;
import org.bucketsweep.model.journal.JobJournal;

/**
 * Runs a planned delete, journaled like the window's jobs (a killed run leaves a job the app offers to review and
 * resume), writing each result as a JSON line as its response arrives.
 */
final class JournaledDelete {

    private final CliContext context;
    /** The results file, or null for stdout; for messages only (the stream is opened by the command). */
    private final Path results;

    JournaledDelete(CliContext context, Path results) {
        this.context = context;
        this.results = results;
    }

    /**
     * @param resultsFile where the results go, or null for stdout
     * @return the command's exit code
     */
    int run(S3Connection s3, DeleteJob job, CliPlan plan, MfaCodeSupplier mfa, OutputStream resultsFile,
            CancellationToken cancel) {
        Path journalDir = AppDirectories.forEnvironment(context.env()).data().resolve("journal");
        JobHeader header = JobHeader.start(job, s3.settings().describeEndpoint(), plan.description(),
                JobHeader.plannedCounts(plan.preview()));
        try (JobJournal journal = JobJournal.create(journalDir, header, job.items())) {
            return run(s3, job, mfa, resultsFile, cancel, journal);
        }
    }

    private int run(S3Connection s3, DeleteJob job, MfaCodeSupplier mfa, OutputStream resultsFile,
                    CancellationToken cancel, JobJournal journal) {
        Map<String, Integer> failures = new TreeMap<>();
        Exception[] writeFailure = {null};
        long started = System.nanoTime();
        DeleteSummary summary;
        try (JsonLines out = new JsonLines(resultsFile != null ? resultsFile : context.out())) {
            summary = new BatchDeleter(s3).run(job, mfa, DeleteListener.both(journal, batch -> {
                for (ItemResult r : batch) {
                    if (r.outcome() == DeleteOutcome.FAILED) {
                        failures.merge(r.errorCode() == null ? "unknown" : r.errorCode(), 1, Integer::sum);
                    }
                }
                if (writeFailure[0] != null) {
                    return;
                }
                try {
                    batch.forEach(out::result);
                    out.flush();
                } catch (JsonLines.OutputFailedException e) {
                    // Never stop a job half-way for its report: finish it, and say so at the end.
                    writeFailure[0] = e;
                }
            }), cancel);
            journal.finish(summary);
        } catch (JsonLines.OutputFailedException e) {
            writeFailure[0] = e;
            summary = null;
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        if (summary != null) {
            new DeleteReport(context.err()).summary(summary, seconds, failures, cancel.isCancelled(), results);
        }
        if (writeFailure[0] != null) {
            context.err().println("Error: the results could not be written"
                    + (results == null ? " to stdout" : " to " + results) + ": " + writeFailure[0].getMessage());
            return Cli.INCOMPLETE;
        }
        return summary.allSucceeded() ? Cli.OK : Cli.INCOMPLETE;
    }
}
