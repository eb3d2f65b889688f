package org.bucketsweep.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.testing.FxThread;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The window opens on the welcome pane alone; the workspace (buckets, browser, results) is made when a connection
 * opens, and then lists the server's buckets.
 */
class WorkspaceTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FxRobot robot = new FxRobot();
    private FxTaskRunner tasks;
    private MainViewModel model;

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (model != null) {
            model.close();
            tasks.close();
        }
    }

    @Test
    void theWorkspaceIsMadeWhenAConnectionOpensNotBeforeTheWindowShows() throws TimeoutException {
        ConnectionSettings settings = TestBuckets.settings(server.getUri());
        try (S3Connection seed = S3Connection.open(settings)) {
            new TestBuckets(seed.client()).versionedBucket("photos");
        }
        tasks = new FxTaskRunner();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model = new MainViewModel(tasks, new FakeDialogs(), () -> settings, connected -> { }, null);
            Scene scene = new Scene(new MainView(model), 1200, 800);
            Theme.apply(scene, model.darkThemeProperty());
            stage.setScene(scene);
            stage.show();
        });
        FxThread.waitUntil(20, () -> robot.lookup(".welcome").tryQuery().map(Node::isVisible).orElse(false));

        assertThat(robot.lookup("#bucketList").tryQuery()).isEmpty();
        assertThat(robot.lookup("#resultsTable").tryQuery()).isEmpty();

        robot.interact(() -> model.connect(settings));
        FxThread.waitUntil(20, () -> robot.lookup("#bucketList").tryQuery().isPresent()
                && !robot.lookup("#bucketList").queryListView().getItems().isEmpty());

        ListView<BucketSummary> buckets = robot.lookup("#bucketList").queryListView();
        assertThat(buckets.getItems()).extracting(BucketSummary::name).containsExactly("photos");
        assertThat(robot.lookup("#resultsTable").tryQuery()).isPresent();
        assertThat(robot.lookup(".welcome").query().isVisible()).isFalse();
    }
}
