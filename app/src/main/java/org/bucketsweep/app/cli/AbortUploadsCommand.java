package org.bucketsweep.app.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.uploads.AbortOutcome;
import org.bucketsweep.model.uploads.AbortResult;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.model.uploads.UploadAborter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Aborts the incomplete multipart uploads under a prefix, optionally only those started before a date. The uploads
 * are listed first and the plan shown on stderr; then one result per upload goes to stdout as JSON Lines.
 */
@Command(name = "abort-uploads", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Abort the incomplete multipart uploads under a prefix (their parts are deleted).",
        description = {"The uploads are listed first (with their parts' bytes) and the plan shown on stderr; then"
                + " each upload is aborted and one result per upload written as JSON Lines:",
                "  {\"key\":\"db.dump\",\"uploadId\":\"2~x\",\"outcome\":\"ABORTED\",\"bytes\":10485760}",
                "with outcome ABORTED, ALREADY_GONE (completed or aborted meanwhile), FAILED (with errorCode and"
                        + " errorMessage) or NOT_ATTEMPTED (after Ctrl+C).",
                "Objects are never touched: only the parts of uploads that were never completed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every upload was aborted (or --dry-run, or there was none)",
                "1:usage or connection error; nothing was aborted (message on stderr)",
                "2:some uploads FAILED or were NOT_ATTEMPTED"},
        footerHeading = "%nExamples:%n",
        footer = {"  bucketsweep abort-uploads --profile prod --bucket b --older-than-days 7 --dry-run",
                "  bucketsweep abort-uploads --profile prod --bucket b --prefix backups/ --older-than 2026-01-31"})
final class AbortUploadsCommand implements Callable<Integer> {

    private final CliContext context;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "PREFIX", order = 2,
            description = "Only uploads whose key starts with PREFIX. Default: the whole bucket.")
    String prefix = "";

    @Option(names = "--older-than", paramLabel = "DATE", order = 3, converter = InstantConverter.class,
            description = "Only uploads started before DATE: 2026-01-31 (the start of that day, UTC) or an instant.")
    Instant olderThan;

    @Option(names = "--older-than-days", paramLabel = "N", order = 4,
            description = "Only uploads started more than N days ago (as S3 Lifecycle's DaysAfterInitiation).")
    Integer olderThanDays;

    @Option(names = "--dry-run", order = 5,
            description = "Show the plan and print the uploads as JSON Lines to stdout; abort nothing.")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", order = 6,
            description = "Abort requests in flight at once, 1 to 64. Default: ${DEFAULT-VALUE}.")
    int concurrency = UploadAborter.DEFAULT_CONCURRENCY;

    @Mixin
    ConnectionOptions connection;

    AbortUploadsCommand(CliContext context) {
        this(context, Clock.systemUTC());
    }

    AbortUploadsCommand(CliContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Instant before = cutoff();
        PrintStream err = context.err();
        CancellationToken cancel = new CancellationToken();
        Interrupts.Handle interrupt = context.interrupts().install(cancel::cancel);
        int exitCode = Cli.ERROR;
        try (S3Connection s3 = connection.open(context)) {
            MultipartUploads uploads = new MultipartUploads(s3);
            List<MultipartUpload> listed = uploads.listAll(bucket, prefix, cancel);
            if (cancel.isCancelled()) {
                err.println("Cancelled while listing; nothing was aborted.");
                exitCode = Cli.INCOMPLETE;
                return exitCode;
            }
            List<MultipartUpload> plan = listed.stream().filter(u -> before == null || u.initiatedBefore(before))
                    .toList();
            printPlan(err, listed.size(), plan, before);
            if (dryRun || plan.isEmpty()) {
                if (dryRun) {
                    try (JsonLines out = new JsonLines(context.out())) {
                        plan.forEach(out::upload);
                    }
                }
                exitCode = Cli.OK;
                return exitCode;
            }
            Map<AbortOutcome, Integer> counts = new EnumMap<>(AbortOutcome.class);
            try (JsonLines out = new JsonLines(context.out())) {
                new UploadAborter(uploads, concurrency).abort(bucket, plan, result -> {
                    out.abortResult(result);
                    out.flush();
                    counts.merge(result.outcome(), 1, Integer::sum);
                }, cancel);
            }
            printSummary(err, counts);
            boolean complete = counts.keySet().stream().allMatch(AbortOutcome::gone);
            exitCode = complete ? Cli.OK : Cli.INCOMPLETE;
            return exitCode;
        } finally {
            interrupt.finished(exitCode);
        }
    }

    private Instant cutoff() {
        if (olderThan != null && olderThanDays != null) {
            throw usage("Give --older-than DATE or --older-than-days N, not both.");
        }
        if (olderThanDays != null && olderThanDays < 0) {
            throw usage("--older-than-days must be 0 or more, not " + olderThanDays + ".");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw usage("--concurrency must be 1 to 64, not " + concurrency + ".");
        }
        return olderThanDays != null ? clock.instant().minus(Duration.ofDays(olderThanDays)) : olderThan;
    }

    private void printPlan(PrintStream err, int listed, List<MultipartUpload> plan, Instant before) {
        long bytes = plan.stream().mapToLong(MultipartUpload::bytes).sum();
        String where = bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        err.println("Incomplete uploads in " + where + ": " + CliText.count(listed, "upload", "uploads")
                + (before == null ? "" : ", " + plan.size() + " started before " + before) + ".");
        if (plan.isEmpty()) {
            err.println("Nothing to abort.");
            return;
        }
        Instant oldest = plan.stream().map(MultipartUpload::initiated).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        err.println((dryRun ? "Would abort " : "Aborting ") + CliText.count(plan.size(), "upload", "uploads")
                + " holding " + CliText.bytes(bytes) + (oldest == null ? "" : ", the oldest started " + oldest)
                + ".");
    }

    private static void printSummary(PrintStream err, Map<AbortOutcome, Integer> counts) {
        StringBuilder text = new StringBuilder("Done:");
        counts.forEach((outcome, n) -> text.append(' ').append(n).append(' ')
                .append(outcome.label().toLowerCase(Locale.ROOT)).append(','));
        text.setLength(text.length() - 1);
        err.println(text.append('.'));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
