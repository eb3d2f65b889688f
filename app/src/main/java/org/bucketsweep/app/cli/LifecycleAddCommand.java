package org.bucketsweep.app.cli;

import java.util.concurrent.Callable;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.LifecycleChange;
import org.bucketsweep.model.lifecycle.LifecycleExplanation;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.lifecycle.RuleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Adds BucketSweep's rule for a prefix to a bucket's lifecycle rules, replacing its earlier rule for that prefix. */
@Command(name = "add", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Add a lifecycle rule for a prefix (it replaces BucketSweep's earlier rule for that prefix).",
        description = {"Reads the bucket's rules, adds BucketSweep's rule 'bucketsweep-PREFIX' (or replaces it),"
                + " explains it on stderr, prints the whole configuration S3 will receive to stdout and asks"
                + " before sending it (unless --yes). Every other rule is sent back unchanged.",
                "Give at least one of --noncurrent-days, --expired-markers and --abort-uploads-days."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rule was added", "1:usage or S3 error, or not confirmed; nothing was changed"})
final class LifecycleAddCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "PREFIX", order = 2,
            description = "The keys the rule applies to. Default: the whole bucket.")
    String prefix = "";

    @Option(names = "--noncurrent-days", paramLabel = "N", order = 3,
            description = "Delete noncurrent versions N days after they became noncurrent (not after they were"
                    + " written).")
    Integer noncurrentDays;

    @Option(names = "--keep-newest", paramLabel = "N", order = 4,
            description = "With --noncurrent-days: keep the N newest noncurrent versions of each key however old"
                    + " (1 to 100; S3 needs NoncurrentDays with it).")
    Integer keepNewest;

    @Option(names = "--expired-markers", order = 5,
            description = "Remove delete markers that have no version left behind them.")
    boolean expiredMarkers;

    @Option(names = "--abort-uploads-days", paramLabel = "N", order = 6,
            description = "Abort multipart uploads N days after they were started.")
    Integer abortUploadsDays;

    @Option(names = {"--yes", "-y"}, order = 7, description = "Send it without asking.")
    boolean yes;

    @Mixin
    ConnectionOptions connection;

    LifecycleAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SweepRule rule;
        try {
            rule = new SweepRule(prefix, noncurrentDays, keepNewest, expiredMarkers, abortUploadsDays);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (S3Connection s3 = connection.open(context)) {
            LifecycleChange change = new BucketLifecycle(s3).planAdd(bucket, rule);
            for (String line : LifecycleExplanation.of(rule)) {
                context.err().println(line);
            }
            if (change.replaced() != null) {
                RuleSummary old = change.before().summaries().stream()
                        .filter(r -> r.id().equals(rule.id())).findFirst().orElseThrow();
                context.err().println("It replaces BucketSweep's earlier rule " + rule.id() + " (" + old.actions()
                        + ").");
            }
            return LifecycleCommand.confirmAndApply(context, s3, bucket, change, yes);
        }
    }
}
