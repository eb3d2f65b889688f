package org.bucketsweep.app.cli;

import java.util.concurrent.Callable;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.S3Connection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints every version and delete marker under a prefix as JSON Lines, page by page, in S3's order. */
@Command(name = "list-versions", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Print every version and delete marker under a prefix as JSON Lines.",
        description = {"Print every version and delete marker under a prefix to stdout as JSON Lines, in S3's order"
                + " (by key, newest version first), page by page as S3 answers. Each line has key, versionId,"
                + " latest, deleteMarker, size and lastModified (UTC), e.g.",
                "  {\"key\":\"a.txt\",\"versionId\":\"3HL4kqtJ\",\"latest\":true,\"deleteMarker\":false,",
                "   \"size\":1024,\"lastModified\":\"2026-01-31T12:00:00Z\"}  (on one line)",
                "The output can be filtered (jq) and given to 'bucketsweep delete --items'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:usage or connection error (message on stderr)"})
final class ListVersionsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "PREFIX", order = 2,
            description = "Only keys that start with PREFIX, at any depth. Default: the whole bucket.")
    String prefix = "";

    @Mixin
    ConnectionOptions connection;

    ListVersionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (S3Connection s3 = connection.open(context);
             JsonLines out = new JsonLines(context.out())) {
            new BucketBrowser(s3).listAllVersions(bucket, prefix, page -> {
                for (ListingEntry entry : page.entries()) {
                    if (entry instanceof ObjectVersion version) {
                        out.version(version);
                    }
                }
                out.flush();
            }, new CancellationToken());
        }
        return Cli.OK;
    }
}
