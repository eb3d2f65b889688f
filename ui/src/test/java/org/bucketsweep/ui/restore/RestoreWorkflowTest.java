package org.bucketsweep.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.restore.VersionRestorer;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Restore this version" without a window, against a real server that is read afterwards. */
class RestoreWorkflowTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FakeDialogs dialogs = new FakeDialogs();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final JobsViewModel jobs = new JobsViewModel(tasks, null);
    private S3Connection connection;
    private TestBuckets buckets;
    private int refreshed;

    @BeforeEach
    void connect() {
        connection = S3Connection.open(TestBuckets.settings(server.getUri()));
        buckets = new TestBuckets(connection.client());
        buckets.versionedBucket("docs");
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void afterTheConfirmationTheOlderVersionIsCurrentAndTheNoticeSaysSo() {
        String good = buckets.put("docs", "page.html", "good");
        buckets.put("docs", "page.html", "bad");

        new RestoreWorkflow(tasks, dialogs, jobs).start(new VersionRestorer(connection), "docs",
                version("page.html", good), () -> refreshed++);

        assertThat(dialogs.confirmations).singleElement()
                .satisfies(c -> assertThat(c.details()).contains("nothing is deleted"));
        assertThat(connection.client().getObjectAsBytes(b -> b.bucket("docs").key("page.html")).asUtf8String())
                .isEqualTo("good");
        assertThat(jobs.noticeProperty().get().title()).isEqualTo("Restored page.html");
        assertThat(refreshed).isEqualTo(1);
    }

    @Test
    void declinedNothingIsCopied() {
        String good = buckets.put("docs", "page.html", "good");
        buckets.put("docs", "page.html", "bad");
        dialogs.confirm = false;

        new RestoreWorkflow(tasks, dialogs, jobs).start(new VersionRestorer(connection), "docs",
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
