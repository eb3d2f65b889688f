package org.bucketsweep.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.restore.VersionRestorer;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.ui.results.ResultsViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** "Restore this version" without a window, against a real server that is read afterwards. */
class RestoreWorkflowTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private final FakeDialogs dialogs = new FakeDialogs();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ResultsViewModel results = new ResultsViewModel(tasks, dialogs);
    private S3Connection connection;
    private TestBuckets buckets;
    private int refreshed;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        buckets.versionedBucket("docs");
    }

    @Test
    void afterTheConfirmationTheOlderVersionIsCurrentAndTheResultsTableSaysSo(@TempDir Path dir) throws Exception {
        String good = buckets.put("docs", "page.html", "good");
        buckets.put("docs", "page.html", "bad");

        new RestoreWorkflow(tasks, dialogs, results).start(new VersionRestorer(connection), "docs",
                version("page.html", good), () -> refreshed++);

        assertThat(dialogs.confirmations).singleElement()
                .satisfies(c -> assertThat(c.details()).contains("nothing is deleted"));
        assertThat(connection.client().getObjectAsBytes(b -> b.bucket("docs").key("page.html")).asUtf8String())
                .isEqualTo("good");
        String current = connection.client().headObject(b -> b.bucket("docs").key("page.html")).versionId();
        assertThat(results.results()).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(DeleteOutcome.RESTORED);
            assertThat(row.key()).isEqualTo("page.html");
            assertThat(row.versionId()).isEqualTo(good);
            assertThat(row.errorMessage()).isEqualTo("Restored: new version " + current + " from version " + good
                    + ".");
        });
        assertThat(results.titleProperty().get()).isEqualTo("Restored page.html in docs");
        assertThat(results.countsTextProperty().get()).contains("Restored: 1");
        results.outcomeFilterProperty().set(DeleteOutcome.RESTORED);
        assertThat(results.visibleResults()).hasSize(1);
        results.outcomeFilterProperty().set(DeleteOutcome.FAILED);
        assertThat(results.visibleResults()).isEmpty();
        Path csv = dir.resolve("restore.csv");
        results.export(csv);
        assertThat(Files.readString(csv)).contains("page.html," + good + ",RESTORED,,,Restored: new version "
                + current);
        assertThat(refreshed).isEqualTo(1);
    }

    @Test
    void aVersionDeletedMeanwhileIsAFailedRowWithS3sCodeAndNoRetry() {
        String good = buckets.put("docs", "page.html", "good");
        buckets.put("docs", "page.html", "bad");
        ObjectVersion listed = version("page.html", good);
        connection.client().deleteObject(b -> b.bucket("docs").key("page.html").versionId(good));

        new RestoreWorkflow(tasks, dialogs, results).start(new VersionRestorer(connection), "docs", listed,
                () -> refreshed++);

        assertThat(results.results()).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(DeleteOutcome.FAILED);
            assertThat(row.versionId()).isEqualTo(good);
            assertThat(row.errorCode()).isNotBlank();
        });
        assertThat(results.titleProperty().get()).isEqualTo("Could not restore page.html in docs");
        // "Retry failed" would send the row to DeleteObjects: a failed restore is never offered to it.
        assertThat(results.canRetryProperty().get()).isFalse();
        assertThat(results.retryItems()).isEmpty();
        assertThat(connection.client().getObjectAsBytes(b -> b.bucket("docs").key("page.html")).asUtf8String())
                .isEqualTo("bad");
    }

    @Test
    void declinedNothingIsCopied() {
        String good = buckets.put("docs", "page.html", "good");
        buckets.put("docs", "page.html", "bad");
        dialogs.confirm = false;

        new RestoreWorkflow(tasks, dialogs, results).start(new VersionRestorer(connection), "docs",
                version("page.html", good), () -> refreshed++);

        assertThat(buckets.versionsOf("docs", "page.html")).hasSize(2);
        assertThat(refreshed).isZero();
    }

    private ObjectVersion version(String key, String versionId) {
        List<ObjectVersion> found = new ArrayList<>();
        new BucketBrowser(connection).listAllVersions("docs", key, page -> page.entries().forEach(e -> {
            if (e instanceof ObjectVersion v && versionId.equals(v.versionId())) {
                found.add(v);
            }
        }), new CancellationToken());
        return found.get(0);
    }
}
