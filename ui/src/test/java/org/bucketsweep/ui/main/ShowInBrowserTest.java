package org.bucketsweep.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Show in browser" on a result row opens the row's folder with the row's key in view. */
class ShowInBrowserTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel model;
    private S3Connection seed;
    private String kept;

    @BeforeEach
    void openBucket() {
        ConnectionSettings settings = TestBuckets.settings(server.getUri());
        seed = S3Connection.open(settings);
        TestBuckets buckets = new TestBuckets(seed.client());
        buckets.versionedBucket("vers");
        buckets.put("vers", "logs/a.log", "a one");
        kept = buckets.put("vers", "logs/a.log", "a two");
        buckets.put("vers", "logs/b.log", "b");
        buckets.put("vers", "top.txt", "t");
        model = new MainViewModel(new DirectTaskRunner(), dialogs, () -> settings, s -> { }, null);
        model.connect(settings);
        model.buckets().selectedProperty().set(model.buckets().buckets().get(0));
    }

    @AfterEach
    void close() {
        model.close();
        seed.close();
    }

    @Test
    void aVersionsRowOpensItsFolderWithVersionsAndItsNameAsTheFilter() {
        ItemResult row = result("vers", new VersionRef("logs/a.log", kept));

        model.showInBrowser(row);

        assertThat(model.browser().prefixProperty().get()).isEqualTo("logs/");
        assertThat(model.browser().showVersionsProperty().get()).isTrue();
        assertThat(model.browser().filterProperty().get()).isEqualTo("a.log");
        assertThat(model.browser().visibleRows()).filteredOn(ObjectVersion.class::isInstance)
                .extracting(e -> ((ObjectVersion) e).versionId()).contains(kept);
        assertThat(model.browser().visibleRows()).noneMatch(e -> e.key().equals("logs/b.log"));
    }

    @Test
    void aRowOfAnotherBucketSaysToOpenThatBucketAndLeavesTheBrowserAlone() {
        ItemResult row = result("elsewhere", VersionRef.current("logs/a.log"));

        model.showInBrowser(row);

        assertThat(dialogs.failures).singleElement().satisfies(f -> assertThat(f.message()).contains("elsewhere"));
        assertThat(model.browser().prefixProperty().get()).isEmpty();
        assertThat(model.browser().filterProperty().get()).isEmpty();
    }

    private ItemResult result(String bucket, VersionRef ref) {
        ItemResult row = new ItemResult(ref, DeleteOutcome.DELETED, null, null, null, "r1", 1);
        model.results().begin("test job", bucket, 1, null);
        model.results().add(List.of(row));
        model.results().finish("done");
        return row;
    }
}
