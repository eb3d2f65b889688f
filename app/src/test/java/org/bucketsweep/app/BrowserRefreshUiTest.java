package org.bucketsweep.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.browser.ObjectBrowserViewModel;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.dialog.FxDialogService;
import org.bucketsweep.ui.main.MainView;
import org.bucketsweep.ui.main.MainViewModel;
import org.bucketsweep.ui.main.Theme;
import org.bucketsweep.ui.testing.FxThread;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** F5 in the main window lists the folder again and keeps selected the rows that still exist. */
class BrowserRefreshUiTest {

    private static final String BUCKET = "photos";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FxRobot robot = new FxRobot();
    private FxTaskRunner tasks;
    private MainViewModel model;
    private S3Connection seedConnection;
    private TestBuckets buckets;
    private TableView<ListingEntry> table;

    @BeforeEach
    void start() throws Exception {
        ConnectionSettings settings = TestBuckets.settings(server.getUri());
        seedConnection = S3Connection.open(settings);
        buckets = new TestBuckets(seedConnection.client());
        buckets.versionedBucket(BUCKET);
        for (String key : List.of("a.jpg", "b.jpg", "c.jpg")) {
            buckets.put(BUCKET, key, key);
        }
        tasks = new FxTaskRunner();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            model = new MainViewModel(tasks, new FxDialogService(() -> stage), () -> settings,
                    connected -> { }, null);
            Scene scene = new Scene(new MainView(model), 1100, 700);
            Theme.apply(scene);
            s.setScene(scene);
            s.show();
            model.connect(settings);
        });
        BucketPick.click(robot, BUCKET);
        table = robot.lookup("#objectTable").queryTableView();
        waitUntilListed();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        model.close();
        tasks.close();
        seedConnection.close();
    }

    @Test
    void f5KeepsSelectedTheRowsThatStillExist() throws Exception {
        assertThat(keysShown()).containsExactly("a.jpg", "b.jpg", "c.jpg");
        robot.clickOn(row("a.jpg")).press(KeyCode.CONTROL).clickOn(row("c.jpg")).release(KeyCode.CONTROL);
        buckets.addDeleteMarker(BUCKET, "c.jpg");
        buckets.put(BUCKET, "d.jpg", "d");

        robot.type(KeyCode.F5);
        waitUntilListed();

        assertThat(keysShown()).containsExactly("a.jpg", "b.jpg", "d.jpg");
        assertThat(selectedKeys()).containsExactly("a.jpg");
        // Again, with nothing changed: the same row stays selected.
        robot.type(KeyCode.F5);
        waitUntilListed();
        assertThat(selectedKeys()).containsExactly("a.jpg");
    }

    @Test
    void f5KeepsAKeyRowSelectedWhenItsCountsChanged() throws Exception {
        robot.clickOn("#showVersions");
        waitUntilListed();
        robot.clickOn(row("b.jpg"));
        buckets.put(BUCKET, "b.jpg", "b again");

        robot.type(KeyCode.F5);
        waitUntilListed();

        assertThat(FxThread.read(() -> List.copyOf(table.getSelectionModel().getSelectedItems()))).singleElement()
                .isInstanceOfSatisfying(KeyHistory.class, b -> {
                    assertThat(b.key()).isEqualTo("b.jpg");
                    assertThat(b.noncurrent()).isEqualTo(1);
                });
    }

    private void waitUntilListed() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxThread.read(() -> !model.browser().loadingProperty().get()
                && !table.getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> keysShown() throws Exception {
        return FxThread.read(() -> table.getItems().stream().map(ListingEntry::key).toList());
    }

    private List<String> selectedKeys() throws Exception {
        return FxThread.read(() -> table.getSelectionModel().getSelectedItems().stream().map(ListingEntry::key).toList());
    }

    @SuppressWarnings("unchecked")
    private TableRow<ListingEntry> row(String key) {
        return robot.from(table).lookup(".table-row-cell").match(node -> node instanceof TableRow<?> r
                && r.getItem() instanceof ListingEntry e && e.key().equals(key)
                && ObjectBrowserViewModel.isKeyRow(e))
                .query();
    }

}
