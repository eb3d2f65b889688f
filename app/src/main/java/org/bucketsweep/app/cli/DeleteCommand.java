package org.bucketsweep.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.ConditionalDeleteProbe;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.IfUnchanged;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Deletes exactly the items of a file, or what an intent selects, and writes one result per item.
 *
 * <p>The plan is made first (by listing), shown on stderr, and only then sent. Ctrl+C cancels: the requests in
 * flight finish and the rest is reported {@code NOT_ATTEMPTED}.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Delete the versions and keys of an items file, or those an intent selects.",
        description = {"The plan is made by listing first and shown on stderr; then the results are written as JSON"
                + " Lines as they arrive, one per item:",
                "  {\"key\":\"a.txt\",\"versionId\":\"3HL4kqtJ\",\"outcome\":\"DELETED\"}",
                "with outcome DELETED, DELETE_MARKER_CREATED, DELETE_MARKER_REMOVED, FAILED or NOT_ATTEMPTED and,"
                + " when they apply, deleteMarkerVersionId, errorCode, errorMessage and requestId.",
                "A summary goes to stderr at the end. Ctrl+C stops the job: the requests in flight finish, the rest"
                + " is reported NOT_ATTEMPTED."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every item was deleted (or --dry-run, or nothing to delete)",
                "1:usage or connection error; nothing was deleted (message on stderr)",
                "2:some items FAILED or were NOT_ATTEMPTED (see the results)"},
        footerHeading = "%nIntents:%n",
        footer = {"  all-versions  every version and delete marker: the keys are gone for good",
                "  noncurrent    noncurrent versions and delete markers: all of them, or those",
                "                that became noncurrent before --older-than and/or are beyond the",
                "                --keep-newest newest noncurrent versions of their key; current",
                "                versions stay",
                "  undelete      remove the delete markers that hide keys: the keys come back",
                "  rollback      put the keys back as they were at --as-of DATE: every version",
                "                and delete marker written after it is deleted (keys created",
                "                since are gone)",
                "  markers       add a delete marker to every current key (on a versioned bucket",
                "                the data stays and can be restored)",
                "",
                "Examples:",
                "  bucketsweep delete --profile prod --bucket logs --items old.jsonl \\",
                "      --results results.jsonl",
                "  bucketsweep list-versions --bucket b | jq -c 'select(.latest|not)' \\",
                "      | bucketsweep delete --bucket b --items - --dry-run",
                "  bucketsweep delete --endpoint http://127.0.0.1:9000 --path-style --bucket b \\",
                "      --intent noncurrent --prefix '' --older-than 2025-01-31 --keep-newest 3",
                "  bucketsweep delete --profile prod --bucket b --intent all-versions \\",
                "      --prefix tmp/ --mfa-serial arn:aws:iam::123456789012:mfa/me \\",
                "      --mfa-code-command 'oathtool --totp -b \"$MFA_SEED\"'"})
final class DeleteCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Option(names = "--items", paramLabel = "FILE", order = 2,
            description = {"JSON Lines of {\"key\":…,\"versionId\":…}, '-' for stdin. A line with a versionId deletes"
                    + " exactly that version or delete marker; a line without one deletes the key's current"
                    + " version (on a versioned bucket: adds a delete marker). Exactly these items are sent.",
                    "'list-versions' output works as it is."})
    String items;

    @Option(names = "--intent", paramLabel = "INTENT", order = 3, converter = CliIntent.Converter.class,
            completionCandidates = CliIntent.Names.class,
            description = "Instead of --items: ${COMPLETION-CANDIDATES}, applied to every key under --prefix (see"
                    + " Intents below).")
    CliIntent intent;

    @Option(names = "--prefix", paramLabel = "PREFIX", order = 4,
            description = "With --intent: the keys under PREFIX, at any depth; --prefix '' is the whole bucket.")
    String prefix;

    @Option(names = "--older-than", paramLabel = "DATE", order = 5, converter = InstantConverter.class,
            description = "noncurrent: only versions that became noncurrent before DATE: 2025-01-31 (the start of"
                    + " that day, UTC) or an instant (2025-01-31T12:00:00Z).")
    Instant olderThan;

    @Option(names = "--keep-newest", paramLabel = "N", order = 6,
            description = "noncurrent: keep the N newest noncurrent versions of each key.")
    Integer keepNewest;

    @Option(names = "--as-of", paramLabel = "DATE", order = 7, converter = InstantConverter.class,
            description = "rollback: put the keys back as they were at DATE (2025-01-31 is the start of that day,"
                    + " UTC, or an instant): every version and delete marker written after it is deleted.")
    Instant asOf;

    @Option(names = "--dry-run", order = 7,
            description = "Show the plan and print its items as JSON Lines to stdout; delete nothing.")
    boolean dryRun;

    @Option(names = "--results", paramLabel = "FILE", order = 8,
            description = "Write the results to FILE instead of stdout.")
    Path results;

    @Option(names = "--quiet", order = 9,
            description = "Ask S3 to report only errors (faster); keys it does not mention are taken as deleted.")
    boolean quiet;

    @Option(names = "--batch-size", paramLabel = "N", order = 10,
            description = "Keys per DeleteObjects request, 1 to 1000. Default: ${DEFAULT-VALUE}.")
    int batchSize = DeleteJob.MAX_BATCH;

    @Option(names = "--concurrency", paramLabel = "N|auto", order = 11,
            description = "Requests in flight at once, 1 to 64, or auto: start with 8, add more while the server"
                    + " answers faster, back off when it says SlowDown (MFA jobs send one at a time). Default:"
                    + " ${DEFAULT-VALUE}.")
    String concurrency = "auto";

    @Option(names = "--bypass-governance-retention", order = 14,
            description = "Send x-amz-bypass-governance-retention: true (needs s3:BypassGovernanceRetention).")
    boolean bypassGovernanceRetention;

    @Option(names = "--expected-bucket-owner", paramLabel = "ACCOUNT", order = 15,
            description = "Fail unless the bucket belongs to this account id.")
    String expectedBucketOwner;

    @Option(names = "--request-payer", order = 16,
            description = "Send x-amz-request-payer: requester (requester-pays buckets).")
    boolean requestPayer;

    @Option(names = "--if-unchanged", paramLabel = "auto|always|never", order = 17,
            description = {"Delete current objects (items without a versionId) only if unchanged since the plan:"
                    + " their ETag from the listing (or the items file's \"eTag\") is sent, and an object"
                    + " overwritten since fails with PreconditionFailed and stays. auto: send ETags where known; if"
                    + " the server rejects them, delete nothing more and say so (rerun with never to go on)."
                    + " always: first check with a probe object of its own (" + ConditionalDeleteProbe.KEY_PREFIX
                    + "…, written and removed) that the server honours ETags, and delete nothing if it does not."
                    + " never: send no ETags. Servers that ignore the ETag (Ceph RGW 16, local-s3) delete anyway"
                    + " unless always is given. Default: ${DEFAULT-VALUE}."})
    String ifUnchanged = "auto";

    @Mixin
    MfaOptions mfa;

    @Mixin
    ConnectionOptions connection;

    DeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        PrintStream err = context.err();
        // Read and checked before connecting: a bad line costs no request.
        List<VersionRef> fileItems = items == null ? null : ItemsFile.read(items, context.in());
        OutputStream resultsFile = dryRun || results == null ? null : openResults();
        CancellationToken cancel = new CancellationToken();
        Interrupts.Handle interrupt = context.interrupts().install(cancel::cancel);
        int exitCode = Cli.ERROR;
        try (S3Connection s3 = connection.open(context)) {
            BucketBrowser browser = new BucketBrowser(s3);
            BucketVersioning versioning = browser.versioningOf(bucket);
            CliPlan plan = fileItems != null
                    ? CliPlan.ofItems(browser, bucket, versioning.versioning(), fileItems, items, cancel)
                    : CliPlan.ofIntent(browser, bucket, versioning.versioning(), intent, prefix, olderThan,
                            keepNewest, asOf, cancel);
            if (cancel.isCancelled()) {
                err.println("Cancelled while planning; nothing was deleted.");
                exitCode = Cli.INCOMPLETE;
                return exitCode;
            }
            boolean mfaDelete = versioning.mfaDelete() == MfaDeleteStatus.ENABLED || mfa.given();
            new DeleteReport(err).plan(bucket, versioning, plan, mfaDelete, dryRun, conditionalMode());
            if (dryRun) {
                try (JsonLines out = new JsonLines(context.out())) {
                    plan.items().forEach(out::item);
                }
                exitCode = Cli.OK;
                return exitCode;
            }
            if (plan.items().isEmpty()) {
                exitCode = Cli.OK;
                return exitCode;
            }
            if (!serverChecksETags(s3, plan, mfaDelete)) {
                return exitCode;
            }
            DeleteJob job = new DeleteJob(bucket, plan.items(), mfaDelete, options());
            MfaCodeSupplier codes = mfa.codes(context, job, cancel);
            exitCode = new JournaledDelete(context, results).run(s3, job, plan, codes, resultsFile, cancel);
            return exitCode;
        } finally {
            closeQuietly(resultsFile);
            interrupt.finished(exitCode);
        }
    }

    private void validate() {
        if ((items == null) == (intent == null)) {
            throw usage("Give either --items FILE or --intent INTENT --prefix PREFIX.");
        }
        if (items != null && (prefix != null || olderThan != null || keepNewest != null || asOf != null)) {
            throw usage("--prefix, --older-than, --keep-newest and --as-of go with --intent, not with --items.");
        }
        if (intent != null && prefix == null) {
            throw usage("--intent needs --prefix PREFIX (--prefix '' for the whole bucket).");
        }
        if (intent != null && intent != CliIntent.NONCURRENT && (olderThan != null || keepNewest != null)) {
            throw usage("--older-than and --keep-newest go with --intent noncurrent.");
        }
        if ((intent == CliIntent.ROLLBACK) != (asOf != null)) {
            throw usage(asOf == null ? "--intent rollback needs --as-of DATE."
                    : "--as-of goes with --intent rollback.");
        }
        if (keepNewest != null && keepNewest < 0) {
            throw usage("--keep-newest must be 0 or more, not " + keepNewest + ".");
        }
        if (batchSize < 1 || batchSize > DeleteJob.MAX_BATCH) {
            throw usage("--batch-size must be 1 to " + DeleteJob.MAX_BATCH + ", not " + batchSize + ".");
        }
        requestsInFlight();
        conditionalMode();
        mfa.validate();
    }

    /** {@code --concurrency} as the engine takes it: a number, or {@link DeleteOptions#ADAPTIVE} for auto. */
    private int requestsInFlight() {
        if (concurrency.trim().equalsIgnoreCase("auto")) {
            return DeleteOptions.ADAPTIVE;
        }
        try {
            int n = Integer.parseInt(concurrency.trim());
            if (n >= 1 && n <= DeleteOptions.MAX_CONCURRENCY) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw usage("--concurrency must be auto or 1 to " + DeleteOptions.MAX_CONCURRENCY + ", not " + concurrency
                + ".");
    }

    /**
     * With {@code --if-unchanged always}, makes sure first that the server checks ETags at all (a server that
     * ignores them deletes changed objects as if none were sent): {@link ConditionalDeleteProbe} writes and removes
     * an object of its own. Says why and returns {@code false} when it does not.
     */
    private boolean serverChecksETags(S3Connection s3, CliPlan plan, boolean mfaDelete) {
        if (conditionalMode() != IfUnchanged.ALWAYS || plan.items().stream().noneMatch(VersionRef::hasETag)) {
            return true;
        }
        ConditionalDeleteProbe.Result probe = ConditionalDeleteProbe.probe(s3, bucket, mfaDelete);
        if (probe.support() == ConditionalDeleteProbe.Support.CHECKED) {
            context.err().println("  Checked: the server honours conditional deletes.");
            return true;
        }
        context.err().println("Error: --if-unchanged always, but " + probe.detail() + " Nothing was deleted."
                + " Rerun with --if-unchanged never to delete without the check.");
        return false;
    }

    private IfUnchanged conditionalMode() {
        try {
            return IfUnchanged.valueOf(ifUnchanged.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--if-unchanged must be auto, always or never, not " + ifUnchanged + ".");
        }
    }

    private DeleteOptions options() {
        return DeleteOptions.DEFAULTS
                .withBatchSize(batchSize)
                .withConcurrency(requestsInFlight())
                .withQuiet(quiet)
                .withBypassGovernanceRetention(bypassGovernanceRetention)
                .withExpectedBucketOwner(expectedBucketOwner)
                .withRequestPayer(requestPayer)
                .withIfUnchanged(conditionalMode());
    }

    private OutputStream openResults() {
        try {
            return new BufferedOutputStream(Files.newOutputStream(results), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            throw new Cli.CliFailure("Cannot write the results file " + results + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(OutputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // The results were flushed after each response; a failure then was reported already.
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
