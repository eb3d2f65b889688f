package org.bucketsweep.app.cli;

import java.util.concurrent.Callable;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the incomplete multipart uploads under a prefix, with their parts' bytes, as JSON Lines. */
@Command(name = "list-uploads", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Print the incomplete multipart uploads under a prefix as JSON Lines.",
        description = {"Incomplete multipart uploads hold billed parts that no object listing shows. Each line has"
                + " key, uploadId, initiated (UTC), storageClass and, unless --no-parts, parts and bytes, e.g.",
                "  {\"key\":\"db.dump\",\"uploadId\":\"2~x\",\"initiated\":\"2026-01-31T12:00:00Z\",\"parts\":2,"
                        + "\"bytes\":10485760}",
                "'bucketsweep abort-uploads' aborts them by prefix and age."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:usage or connection error (message on stderr)"})
final class ListUploadsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", order = 1, description = "The bucket.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "PREFIX", order = 2,
            description = "Only uploads whose key starts with PREFIX. Default: the whole bucket.")
    String prefix = "";

    @Option(names = "--no-parts", order = 3,
            description = "Leave out the parts' count and bytes (saves one ListParts request per upload).")
    boolean noParts;

    @Mixin
    ConnectionOptions connection;

    ListUploadsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (S3Connection s3 = connection.open(context);
             JsonLines out = new JsonLines(context.out())) {
            new MultipartUploads(s3).list(bucket, prefix, !noParts, page -> {
                for (MultipartUpload upload : page) {
                    out.upload(upload);
                }
                out.flush();
            }, new CancellationToken());
        }
        return Cli.OK;
    }
}
