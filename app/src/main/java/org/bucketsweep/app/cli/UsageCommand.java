package org.bucketsweep.app.cli;

import java.util.concurrent.Callable;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.usage.FolderUsage;
import org.bucketsweep.model.usage.UsageProgress;
import org.bucketsweep.model.usage.UsageReport;
import org.bucketsweep.model.usage.UsageScan;
import org.bucketsweep.model.usage.UsageScanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints where the space of a bucket or prefix goes, one JSON object per folder and a total line. */
@Command(name = "usage", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Print where the space goes, per folder, as JSON Lines.",
        description = {"Scan every version, delete marker and incomplete multipart upload under a prefix and print"
                + " one line per folder, the folder with the most noncurrent bytes first, then a total line"
                + " (\"total\":true). Each line has folder, currentObjects, currentBytes, noncurrentVersions,"
                + " noncurrentBytes, deleteMarkers, expiredMarkers (markers that are the only version left of their"
                + " key), uploads, uploadBytes (their parts' bytes), oldestNoncurrent (UTC, or null) and total.",
                "A key counts in exactly one folder: the key up to its DEPTH-th '/' after the prefix, or up to its"
                + " last '/' when it has fewer. What could not be counted (multipart uploads the credentials may"
                + " not list) is said on stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scanned", "1:usage or connection error, or the bucket vanished (message on stderr)"})
final class UsageCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "PREFIX", order = 2,
            description = "Only keys that start with PREFIX. Default: the whole bucket.")
    String prefix = "";

    @Option(names = "--depth", paramLabel = "N", order = 3,
            description = "Folder levels below the prefix, one row per folder. Default: ${DEFAULT-VALUE}.")
    int depth = UsageScan.DEFAULT_DEPTH;

    @Mixin
    ConnectionOptions connection;

    UsageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (depth < 1) {
            throw new ParameterException(spec.commandLine(), "--depth must be 1 or more, not " + depth + ".");
        }
        UsageReport report;
        try (S3Connection s3 = connection.open(context)) {
            report = new UsageScan(s3).scan(bucket, prefix, depth, UsageProgress.NONE, new CancellationToken());
        } catch (UsageScanException e) {
            throw new Cli.CliFailure(e.getMessage());
        }
        try (JsonLines out = new JsonLines(context.out())) {
            for (FolderUsage folder : report.folders()) {
                out.usage(folder, false);
            }
            out.usage(report.total(), true);
        }
        for (String note : report.notes()) {
            context.err().println("Note: " + note);
        }
        return Cli.OK;
    }
}
