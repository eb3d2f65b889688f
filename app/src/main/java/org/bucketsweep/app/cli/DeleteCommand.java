package org.bucketsweep.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bucketsweep.app.settings.AppDirectories;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteListener;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.journal.JobHeader;
import org.bucketsweep.model.journal.JobJournal;
import org.bucketsweep.model.plan.DeleteIntent;
import org.bucketsweep.model.plan.DeletePlan;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.plan.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
                "  noncurrent    noncurrent versions and delete markers that became noncurrent",
                "                before --older-than and/or are beyond the --keep-newest newest",
                "                noncurrent versions of their key; current versions stay",
                "  undelete      remove the delete markers that hide keys: the keys come back",
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

    /**
     * Up to this many distinct keys in an items file are looked up one by one for the preview (which versions are
     * delete markers, their sizes); beyond it the preview counts from the file alone.
     */
    static final int LOOKUP_LIMIT = 1000;

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

    @Option(names = "--intent", paramLabel = "INTENT", order = 3, converter = IntentConverter.class,
            completionCandidates = IntentNames.class,
            description = "Instead of --items: ${COMPLETION-CANDIDATES}, applied to every key under --prefix (see"
                    + " Intents below).")
    Intent intent;

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

    @Option(names = "--concurrency", paramLabel = "N", order = 11,
            description = "Requests in flight at once, 1 to 64 (MFA jobs send one at a time). Default:"
                    + " ${DEFAULT-VALUE}.")
    int concurrency = DeleteOptions.DEFAULT_CONCURRENCY;

    @Option(names = "--mfa-serial", paramLabel = "SERIAL", order = 12,
            description = "The MFA device's serial number or ARN. Makes this an MFA Delete job (as is any job on a"
                    + " bucket with MFA Delete enabled): each request that deletes versions carries"
                    + " 'x-amz-mfa: SERIAL CODE'.")
    String mfaSerial;

    @Option(names = "--mfa-code-command", paramLabel = "CMD", order = 13,
            description = {"Run CMD (sh -c; cmd /c on Windows) before each request that needs a code; its output"
                    + " is the code, e.g. 'oathtool --totp -b $MFA_SEED'. A code works once: when CMD prints one"
                    + " already sent, it is run again about once a second until it prints a new one, for at most 35"
                    + " seconds.",
                    "Without it, the codes are typed at the terminal."})
    String mfaCodeCommand;

    @Option(names = "--bypass-governance-retention", order = 14,
            description = "Send x-amz-bypass-governance-retention: true (needs s3:BypassGovernanceRetention).")
    boolean bypassGovernanceRetention;

    @Option(names = "--expected-bucket-owner", paramLabel = "ACCOUNT", order = 15,
            description = "Fail unless the bucket belongs to this account id.")
    String expectedBucketOwner;

    @Option(names = "--request-payer", order = 16,
            description = "Send x-amz-request-payer: requester (requester-pays buckets).")
    boolean requestPayer;

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
            Plan plan = fileItems != null
                    ? planItems(browser, versioning.versioning(), fileItems, cancel)
                    : planIntent(browser, versioning.versioning(), cancel);
            if (cancel.isCancelled()) {
                err.println("Cancelled while planning; nothing was deleted.");
                exitCode = Cli.INCOMPLETE;
                return exitCode;
            }
            boolean mfaDelete = versioning.mfaDelete() == MfaDeleteStatus.ENABLED || mfaSerial != null;
            printPlan(plan, versioning, mfaDelete);
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
            DeleteJob job = new DeleteJob(bucket, plan.items(), mfaDelete, options());
            MfaCodeSupplier mfa = mfaCodes(job, cancel);
            exitCode = run(s3, job, plan, mfa, resultsFile, cancel);
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
        if (items != null && (prefix != null || olderThan != null || keepNewest != null)) {
            throw usage("--prefix, --older-than and --keep-newest go with --intent, not with --items.");
        }
        if (intent != null && prefix == null) {
            throw usage("--intent needs --prefix PREFIX (--prefix '' for the whole bucket).");
        }
        if (intent != null && intent != Intent.NONCURRENT && (olderThan != null || keepNewest != null)) {
            throw usage("--older-than and --keep-newest go with --intent noncurrent.");
        }
        if (intent == Intent.NONCURRENT && olderThan == null && keepNewest == null) {
            throw usage("--intent noncurrent needs --older-than DATE, --keep-newest N, or both.");
        }
        if (keepNewest != null && keepNewest < 0) {
            throw usage("--keep-newest must be 0 or more, not " + keepNewest + ".");
        }
        if (batchSize < 1 || batchSize > DeleteJob.MAX_BATCH) {
            throw usage("--batch-size must be 1 to " + DeleteJob.MAX_BATCH + ", not " + batchSize + ".");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw usage("--concurrency must be 1 to 64, not " + concurrency + ".");
        }
        if (mfaSerial != null && (mfaSerial.isBlank() || mfaSerial.trim().chars().anyMatch(Character::isWhitespace))) {
            throw usage("--mfa-serial must be the device's serial number or ARN, without spaces.");
        }
        if (mfaCodeCommand != null && mfaSerial == null) {
            throw usage("--mfa-code-command needs --mfa-serial SERIAL.");
        }
        if (mfaCodeCommand != null && mfaCodeCommand.isBlank()) {
            throw usage("--mfa-code-command needs a command.");
        }
    }

    private DeleteOptions options() {
        return DeleteOptions.DEFAULTS
                .withBatchSize(batchSize)
                .withConcurrency(concurrency)
                .withQuiet(quiet)
                .withBypassGovernanceRetention(bypassGovernanceRetention)
                .withExpectedBucketOwner(expectedBucketOwner)
                .withRequestPayer(requestPayer);
    }

    // ---- planning ----

    /** What will be sent, with its counted effect. */
    private record Plan(String description, List<VersionRef> items, DeletePreview preview, boolean sizesKnown,
                        List<String> warnings) {
    }

    private Plan planIntent(BucketBrowser browser, VersioningStatus versioning, CancellationToken cancel) {
        if (intent == Intent.MARKERS) {
            return planMarkers(browser, versioning, cancel);
        }
        Scope scope = Scope.prefix(prefix);
        DeleteIntent wanted = switch (intent) {
            case ALL_VERSIONS -> new DeleteIntent.AllVersions(scope);
            case NONCURRENT -> new DeleteIntent.Noncurrent(scope, olderThan, keepNewest);
            case UNDELETE -> new DeleteIntent.Undelete(scope);
            case MARKERS -> throw new IllegalStateException();
        };
        DeletePlan plan = new DeletePlanner(browser).plan(bucket, versioning, wanted, cancel);
        return new Plan(wanted.describe(), plan.items(), plan.preview(), true, plan.warnings());
    }

    /**
     * Every current key under the prefix gets a delete marker. The listing already says what is current, so the
     * keys are not looked up again one by one (as the planner would for a hand-picked list).
     */
    private Plan planMarkers(BucketBrowser browser, VersioningStatus versioning, CancellationToken cancel) {
        List<ObjectVersion> rows = new ArrayList<>();
        browser.listAllVersions(bucket, prefix, page -> page.entries().forEach(e -> {
            if (e instanceof ObjectVersion v && v.latest() && !v.deleteMarker()) {
                rows.add(new ObjectVersion(v.key(), null, true, false, v.size(), v.lastModified()));
            }
        }), cancel);
        List<String> warnings = new ArrayList<>();
        if (!versioning.keepsVersions() && !rows.isEmpty()) {
            warnings.add(versioning == VersioningStatus.UNKNOWN
                    ? "The bucket's versioning is unknown: if it is not versioned, this deletes the data for good."
                    : "The bucket is " + (versioning == VersioningStatus.SUSPENDED ? "suspended" : "not versioned")
                      + ": no delete marker is kept, the current data is deleted for good.");
        }
        String description = "add delete markers to " + Scope.prefix(prefix);
        return new Plan(description, rows.stream().map(ObjectVersion::ref).toList(),
                DeletePreview.of(rows, versioning), true, warnings);
    }

    /**
     * Exactly the file's items, in its order. The planner looks them up for the preview (which versions are
     * delete markers, how big they are, which were not found) unless there are too many keys for that.
     */
    private Plan planItems(BucketBrowser browser, VersioningStatus versioning, List<VersionRef> fileItems,
                           CancellationToken cancel) {
        List<VersionRef> exact = List.copyOf(new LinkedHashSet<>(fileItems));
        List<VersionRef> versions = exact.stream().filter(VersionRef::hasVersion).toList();
        List<String> keys = exact.stream().filter(ref -> !ref.hasVersion()).map(VersionRef::key).toList();
        String description = describeItems(versions.size(), keys.size());
        Set<String> distinctKeys = new LinkedHashSet<>();
        exact.forEach(ref -> distinctKeys.add(ref.key()));
        List<ObjectVersion> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (distinctKeys.size() > LOOKUP_LIMIT) {
            exact.forEach(ref -> rows.add(new ObjectVersion(ref.key(), ref.versionId(), false, false, 0, null)));
            warnings.add("The file names " + distinctKeys.size() + " keys, too many to look up one by one: the"
                    + " preview counts from the file alone (delete markers among the versions are counted as"
                    + " versions, sizes are unknown).");
            return new Plan(description, exact, DeletePreview.of(rows, versioning), false, warnings);
        }
        DeletePlanner planner = new DeletePlanner(browser);
        for (DeleteIntent part : List.<DeleteIntent>of(new DeleteIntent.DeleteVersions(versions),
                new DeleteIntent.AddDeleteMarkers(keys))) {
            boolean empty = part instanceof DeleteIntent.DeleteVersions v ? v.items().isEmpty()
                    : ((DeleteIntent.AddDeleteMarkers) part).keys().isEmpty();
            if (!empty && !cancel.isCancelled()) {
                DeletePlan plan = planner.plan(bucket, versioning, part, cancel);
                rows.addAll(plan.rows());
                warnings.addAll(plan.warnings());
            }
        }
        return new Plan(description, exact, DeletePreview.of(rows, versioning), true, warnings);
    }

    private String describeItems(int versions, int keys) {
        List<String> parts = new ArrayList<>();
        if (versions > 0) {
            parts.add("delete " + count(versions, "version", "versions"));
        }
        if (keys > 0) {
            parts.add("delete the current version of " + count(keys, "key", "keys"));
        }
        String from = items.equals("-") ? "stdin" : items;
        return (parts.isEmpty() ? "nothing" : String.join(" and ", parts)) + " listed in " + from;
    }

    private void printPlan(Plan plan, BucketVersioning versioning, boolean mfaDelete) {
        PrintStream err = context.err();
        err.println("Bucket " + bucket + " (" + versioning.versioning().label()
                + (versioning.mfaDelete() == MfaDeleteStatus.ENABLED ? ", MFA Delete" : "") + "): "
                + plan.description() + (dryRun ? " [dry run]" : ""));
        DeletePreview preview = plan.preview();
        if (plan.items().isEmpty()) {
            err.println("  Nothing to delete.");
        }
        for (String sentence : preview.sentences()) {
            err.println("  " + sentence);
        }
        if (preview.permanent()) {
            err.println("  Data deleted for good: " + (plan.sizesKnown() ? bytes(preview.bytesDeleted()) : "unknown")
                    + ".");
        }
        long mfaRequests = mfaDelete ? requestsNamingVersions(plan.items()) : 0;
        if (mfaRequests > 0) {
            err.println("  MFA Delete: " + count((int) mfaRequests, "request needs", "requests need")
                    + " an MFA code.");
        }
        for (String warning : plan.warnings()) {
            err.println("  Warning: " + warning);
        }
        err.flush();
    }

    private static long requestsNamingVersions(List<VersionRef> items) {
        long versions = items.stream().filter(VersionRef::hasVersion).count();
        return (versions + DeleteJob.MAX_BATCH - 1) / DeleteJob.MAX_BATCH;
    }

    // ---- running ----

    private MfaCodeSupplier mfaCodes(DeleteJob job, CancellationToken cancel) {
        boolean needsCodes = job.mfaDelete() && job.items().stream().anyMatch(VersionRef::hasVersion);
        if (!needsCodes) {
            return MfaCodeSupplier.NONE;
        }
        if (mfaSerial == null) {
            throw new Cli.CliFailure("Bucket " + bucket + " has MFA Delete enabled: deleting versions needs"
                    + " --mfa-serial SERIAL (the MFA device's serial number or ARN), and --mfa-code-command CMD or"
                    + " a terminal to type the codes. Nothing was deleted.");
        }
        if (mfaCodeCommand != null) {
            return MfaCodes.fromCommand(mfaSerial.trim(), mfaCodeCommand, context.mfaCodeWait(), context.err(),
                    cancel);
        }
        MfaConsole console = context.console().get();
        if (console == null) {
            throw new Cli.CliFailure("This job needs an MFA code for each request that deletes versions, and there"
                    + " is no terminal to type them: give --mfa-code-command CMD. Nothing was deleted.");
        }
        return MfaCodes.fromConsole(mfaSerial.trim(), console, context.err(), cancel);
    }

    private int run(S3Connection s3, DeleteJob job, Plan plan, MfaCodeSupplier mfa, OutputStream resultsFile,
                    CancellationToken cancel) {
        // Journaled like the window's jobs: a killed run leaves a job the app offers to review and resume.
        Path journalDir = AppDirectories.forEnvironment(context.env()).data().resolve("journal");
        JobHeader header = JobHeader.start(job, s3.settings().describeEndpoint(), plan.description(),
                JobHeader.plannedCounts(plan.preview()));
        try (JobJournal journal = JobJournal.create(journalDir, header, job.items())) {
            return run(s3, job, mfa, resultsFile, cancel, journal);
        }
    }

    private int run(S3Connection s3, DeleteJob job, MfaCodeSupplier mfa, OutputStream resultsFile,
                    CancellationToken cancel, JobJournal journal) {
        PrintStream err = context.err();
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
            printSummary(summary, seconds, failures, cancel.isCancelled());
        }
        if (writeFailure[0] != null) {
            err.println("Error: the results could not be written"
                    + (results == null ? " to stdout" : " to " + results) + ": " + writeFailure[0].getMessage());
            return Cli.INCOMPLETE;
        }
        return summary.allSucceeded() ? Cli.OK : Cli.INCOMPLETE;
    }

    private void printSummary(DeleteSummary summary, double seconds, Map<String, Integer> failures,
                              boolean cancelled) {
        List<String> counts = new ArrayList<>();
        for (DeleteOutcome outcome : DeleteOutcome.values()) {
            counts.add(outcome.name() + "=" + summary.count(outcome));
        }
        int total = summary.total();
        PrintStream err = context.err();
        err.println((cancelled ? "Cancelled: " : "Done: ") + String.join(" ", counts) + "; "
                + count(total, "item", "items") + " in " + String.format(Locale.ROOT, "%.2f s (%.1f items/s), ",
                seconds, total / seconds) + count(summary.requestsSent(), "request", "requests")
                + (results == null ? "" : "; results in " + results) + ".");
        if (!failures.isEmpty()) {
            List<String> byCode = new ArrayList<>();
            failures.forEach((code, n) -> byCode.add(code + "=" + n));
            err.println("Failed by error code: " + String.join(" ", byCode) + ".");
        }
        err.flush();
    }

    // ---- helpers ----

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

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String bytes(long n) {
        String exact = String.format(Locale.ROOT, "%,d bytes", n);
        if (n < 1024) {
            return n == 1 ? "1 byte" : exact;
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%s)", value, units[unit], exact);
    }

    // ---- option types ----

    /** The intents the command line offers. */
    enum Intent {
        ALL_VERSIONS("all-versions"),
        NONCURRENT("noncurrent"),
        UNDELETE("undelete"),
        MARKERS("markers");

        final String name;

        Intent(String name) {
            this.name = name;
        }
    }

    static final class IntentNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        IntentNames() {
            for (Intent i : Intent.values()) {
                add(i.name);
            }
        }
    }

    static final class IntentConverter implements ITypeConverter<Intent> {
        @Override
        public Intent convert(String value) {
            for (Intent i : Intent.values()) {
                if (i.name.equalsIgnoreCase(value.trim())) {
                    return i;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an intent; use one of "
                    + String.join(", ", new IntentNames()) + ".");
        }
    }

    /** {@code 2025-01-31} is the start of that day in UTC; a full instant or offset date-time is taken as is. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String text = value.trim();
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException notAnInstant) {
                    throw new TypeConversionException("'" + value + "' is not a date such as 2025-01-31 (the start"
                            + " of that day in UTC) or an instant such as 2025-01-31T12:00:00Z.");
                }
            }
        }
    }
}
