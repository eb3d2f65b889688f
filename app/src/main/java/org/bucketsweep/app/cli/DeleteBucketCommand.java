package org.bucketsweep.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.bucket.BucketRemoval;
import org.bucketsweep.model.bucket.BucketRemover;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Empties a bucket (every version, delete marker and incomplete upload) and deletes it. The plan is listed and shown
 * first; the delete is journaled like any other; the bucket is deleted only when nothing is left.
 */
@Command(name = "delete-bucket", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Empty a bucket (every version, delete marker and incomplete upload), then delete it.",
        description = {"Lists everything first and shows the plan on stderr. Then deletes every version and delete"
                + " marker (results as JSON Lines, as 'delete' writes them, journaled), aborts the incomplete"
                + " multipart uploads, checks that nothing is left and only then sends DeleteBucket.",
                "Anything that cannot be deleted (Object Lock retention or a legal hold, a refused MFA code, keys"
                        + " written meanwhile) stops it before DeleteBucket and is named; Object Lock is never"
                        + " bypassed. In an MFA Delete bucket each request needs a code (--mfa-serial)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the bucket is deleted (or --dry-run)",
                "1:usage or connection error; nothing was deleted (message on stderr)",
                "2:stopped with something left; the bucket still exists (see stderr and the results)"},
        footerHeading = "%nExample:%n",
        footer = {"  bucketsweep delete-bucket --profile prod --bucket old-logs --confirm old-logs --dry-run"})
final class DeleteBucketCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1,
            description = "The bucket to empty and delete.")
    String bucket;

    @Option(names = "--confirm", required = true, paramLabel = "BUCKET", order = 2,
            description = "The bucket's name once more: nothing is deleted unless it matches --bucket.")
    String confirm;

    @Option(names = "--dry-run", order = 3, description = "Show the plan; delete and abort nothing.")
    boolean dryRun;

    @Mixin
    MfaOptions mfa;

    @Mixin
    ConnectionOptions connection;

    DeleteBucketCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!bucket.equals(confirm)) {
            throw usage("--confirm must repeat the bucket's name exactly (" + bucket + "); nothing was deleted.");
        }
        mfa.validate();
        PrintStream err = context.err();
        CancellationToken cancel = new CancellationToken();
        Interrupts.Handle interrupt = context.interrupts().install(cancel::cancel);
        int exitCode = Cli.ERROR;
        try (S3Connection s3 = connection.open(context)) {
            BucketBrowser browser = new BucketBrowser(s3);
            BucketVersioning versioning = browser.versioningOf(bucket);
            CliPlan plan = CliPlan.ofIntent(browser, bucket, versioning.versioning(), CliIntent.ALL_VERSIONS, "",
                    null, null, null, cancel);
            List<MultipartUpload> uploads = new MultipartUploads(s3).listAll(bucket, "", cancel);
            if (cancel.isCancelled()) {
                err.println("Cancelled while listing; nothing was deleted.");
                exitCode = Cli.INCOMPLETE;
                return exitCode;
            }
            boolean mfaDelete = versioning.mfaDelete() == MfaDeleteStatus.ENABLED || mfa.given();
            new DeleteReport(err).plan(bucket, versioning, plan, mfaDelete, dryRun);
            long uploadBytes = uploads.stream().mapToLong(MultipartUpload::bytes).sum();
            err.println("  " + CliText.count(uploads.size(), "incomplete upload", "incomplete uploads")
                    + (uploads.isEmpty() ? "" : " holding " + CliText.bytes(uploadBytes)) + " to abort.");
            err.println("  Then bucket " + bucket + " " + (dryRun ? "would be" : "will be")
                    + " deleted, if nothing is left.");
            if (dryRun) {
                exitCode = Cli.OK;
                return exitCode;
            }
            if (!plan.items().isEmpty()) {
                DeleteJob job = new DeleteJob(bucket, plan.items(), mfaDelete, DeleteOptions.DEFAULTS);
                int deleted = new JournaledDelete(context, null).run(s3, job, plan, mfa.codes(context, job, cancel),
                        null, cancel);
                if (deleted != Cli.OK) {
                    err.println("Stopped: some versions or delete markers were not deleted (see the results above)."
                            + " The uploads were not aborted and bucket " + bucket + " was not deleted.");
                    exitCode = Cli.INCOMPLETE;
                    return exitCode;
                }
            }
            BucketRemoval removal = new BucketRemover(s3).removeEmptied(bucket, cancel);
            if (!removal.aborted().isEmpty()) {
                err.println("Aborted " + CliText.count(removal.aborted().stream()
                        .filter(r -> r.outcome().gone()).count(), "incomplete upload", "incomplete uploads") + ".");
            }
            if (!removal.deleted()) {
                err.println("Stopped: " + removal.reason());
                exitCode = Cli.INCOMPLETE;
                return exitCode;
            }
            err.println("Deleted bucket " + bucket + ".");
            exitCode = Cli.OK;
            return exitCode;
        } finally {
            interrupt.finished(exitCode);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
