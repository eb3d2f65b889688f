package org.bucketsweep.model.journal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.testing.TestBuckets;

/**
 * The process {@link JournalCrashTest} kills: a journaled job of {@code count} keys, five per request, one request at
 * a time. Arguments: endpoint, bucket, journal directory, count.
 */
public final class JournalCrashDriver {

    private JournalCrashDriver() {
    }

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        String bucket = args[1];
        Path journalDir = Path.of(args[2]);
        List<VersionRef> items = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            items.add(VersionRef.current(key(i)));
        }
        try (S3Connection connection = S3Connection.open(TestBuckets.settings(endpoint))) {
            DeleteJob job = new DeleteJob(bucket, items, false,
                    DeleteOptions.DEFAULTS.withBatchSize(5).withConcurrency(1));
            JobHeader header = JobHeader.start(job, connection.settings().describeEndpoint(),
                    "Delete " + items.size() + " keys, then get killed", Map.of("objects", items.size()));
            try (JobJournal journal = JobJournal.create(journalDir, header, job.items())) {
                DeleteSummary summary = new BatchDeleter(connection).run(job, MfaCodeSupplier.NONE, journal,
                        new CancellationToken());
                journal.finish(summary);
            }
        }
        System.out.println("The job finished: it should have been killed first.");
    }

    static String key(int i) {
        return String.format("crash/%03d é", i);
    }
}
