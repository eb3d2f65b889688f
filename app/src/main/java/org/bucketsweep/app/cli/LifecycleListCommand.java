package org.bucketsweep.app.cli;

import java.util.concurrent.Callable;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.RuleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints a bucket's lifecycle rules as JSON Lines, BucketSweep's own marked. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Print a bucket's lifecycle rules as JSON Lines.",
        description = {"One line per rule, in S3's order:",
                "  {\"id\":\"bucketsweep-logs/\",\"bucketsweep\":true,\"enabled\":true,\"filter\":\"prefix logs/\",",
                "   \"actions\":\"noncurrent versions expire 30 days after they became noncurrent\"}",
                "bucketsweep is true for the rules BucketSweep made (and may remove); nothing is printed when the"
                + " bucket has no lifecycle configuration."})
final class LifecycleListCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Mixin
    ConnectionOptions connection;

    LifecycleListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (S3Connection s3 = connection.open(context);
             JsonLines out = new JsonLines(context.out())) {
            for (RuleSummary rule : new BucketLifecycle(s3).read(bucket).summaries()) {
                out.rule(rule);
            }
        }
        return Cli.OK;
    }
}
