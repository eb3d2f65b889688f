package org.bucketsweep.app.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.LifecycleChange;
import org.bucketsweep.model.lifecycle.LifecycleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Removes BucketSweep's lifecycle rules from a bucket; other rules are never removed. */
@Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Remove BucketSweep's lifecycle rules (all of them, or those --id names).",
        description = {"Rules that BucketSweep did not make (IDs not starting with 'bucketsweep-') are never"
                + " removed. When no rule is left, the bucket's lifecycle configuration is deleted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:removed, or there was nothing to remove",
                "1:usage or S3 error, or not confirmed; nothing was changed"})
final class LifecycleRemoveCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Option(names = "--id", paramLabel = "ID", order = 2,
            description = "Only this rule of BucketSweep's (repeat for several). Default: all of them.")
    List<String> ids;

    @Option(names = {"--yes", "-y"}, order = 3, description = "Send it without asking.")
    boolean yes;

    @Mixin
    ConnectionOptions connection;

    LifecycleRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (S3Connection s3 = connection.open(context)) {
            LifecycleConfig before = new BucketLifecycle(s3).read(bucket);
            LifecycleChange change;
            try {
                change = ids == null ? LifecycleChange.removeOurs(before)
                        : LifecycleChange.remove(before, new LinkedHashSet<>(ids));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!change.changesNothing()) {
                context.err().println("Removing " + String.join(", ", change.removed()) + ".");
            }
            return LifecycleCommand.confirmAndApply(context, s3, bucket, change, yes);
        }
    }
}
