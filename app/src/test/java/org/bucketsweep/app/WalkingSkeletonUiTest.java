package org.bucketsweep.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.browser.ObjectBrowserViewModel;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.delete.DeleteDialog;
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

/**
 * The whole path as a person takes it, headless, against a real S3 server: choose a bucket, show versions, select
 * two versions and one key, delete, confirm, read three result rows, and find the server changed.
 */
class WalkingSkeletonUiTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FxRobot robot = new FxRobot();

    private static final String BUCKET = "photos";

    private FxTaskRunner tasks;
    private MainViewModel model;
    private S3Connection seedConnection;
    private TestBuckets buckets;
    private String a1;
    private String a2;
    private String b1;
    private String b2;

    @BeforeEach
    void start() throws Exception {
        ConnectionSettings settings = TestBuckets.settings(server.getUri());
        seedConnection = S3Connection.open(settings);
        buckets = new TestBuckets(seedConnection.client());
        buckets.versionedBucket(BUCKET);
        a1 = buckets.put(BUCKET, "a.jpg", "a one");
        a2 = buckets.put(BUCKET, "a.jpg", "a two");
        b1 = buckets.put(BUCKET, "b.jpg", "b one");
        b2 = buckets.put(BUCKET, "b.jpg", "b two");
        buckets.put(BUCKET, "c.jpg", "c one");

        tasks = new FxTaskRunner();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            model = new MainViewModel(tasks, new FxDialogService(() -> stage), () -> settings,
                    connected -> { }, null);
            Scene scene = new Scene(new MainView(model), 1100, 700);
            Theme.apply(scene, model.darkThemeProperty());
            s.setScene(scene);
            s.show();
            model.connect(settings);
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        model.close();
        tasks.close();
        seedConnection.close();
    }

    @Test
    void deleteTwoVersionsAndOneKey() throws Exception {
        BucketPick.click(robot, BUCKET);
        robot.clickOn("#showVersions");
        TableView<ListingEntry> table = robot.lookup("#objectTable").queryTableView();
        // 3 key rows and 5 versions.
        FxThread.waitUntil(10, () -> table.getItems().size() == 8);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(row(robot, e -> isVersion(e, a1)));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, e -> isVersion(e, b1)))
                .clickOn(row(robot, e -> ObjectBrowserViewModel.isKeyRow(e) && e.key().equals("c.jpg")))
                .release(KeyCode.CONTROL);
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(3);

        robot.clickOn("#delete");
        Label summary = robot.lookup("#deleteSummary").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !summary.getText().isEmpty()
                && !summary.getText().equals(DeleteDialog.PLANNING));
        assertThat(summary.getText()).isEqualTo(
                "2 versions will be permanently deleted. 1 delete marker will be added; the data stays and can be"
                        + " restored. 10 B of data will be gone.");
        robot.clickOn("#typedBucketName").write(BUCKET);
        robot.clickOn("#confirmDelete");

        TableView<ItemResult> results = robot.lookup("#resultsTable").queryTableView();
        FxThread.waitUntil(10, () -> results.getItems().size() == 3
                && !model.results().runningProperty().get());
        assertThat(results.getItems())
                .extracting(ItemResult::key, ItemResult::versionId, ItemResult::outcome)
                .containsExactlyInAnyOrder(
                        tuple("a.jpg", a1, DeleteOutcome.DELETED),
                        tuple("b.jpg", b1, DeleteOutcome.DELETED),
                        tuple("c.jpg", null, DeleteOutcome.DELETE_MARKER_CREATED));
        String markerId = results.getItems().stream().filter(r -> r.key().equals("c.jpg")).findFirst()
                .orElseThrow().deleteMarkerVersionId();
        assertThat(markerId).isNotBlank();
        assertThat(robot.lookup("#resultCounts").queryAs(Label.class).getText())
                .contains("Deleted: 2", "Delete marker created: 1");

        // The server: a1 and b1 are gone, c.jpg hides behind the new marker.
        assertThat(buckets.versionsOf(BUCKET, "a.jpg")).containsExactly(a2);
        assertThat(buckets.versionsOf(BUCKET, "b.jpg")).containsExactly(b2);
        assertThat(buckets.markersOf(BUCKET, "c.jpg")).containsExactly(markerId);
        // And the browser was listed again: the marker shows, the deleted versions do not.
        FxThread.waitUntil(10, () -> !model.browser().loadingProperty().get() && table.getItems().stream()
                .anyMatch(e -> e instanceof ObjectVersion v && v.deleteMarker()));
        assertThat(FxThread.read(() -> List.copyOf(table.getItems())))
                .noneMatch(e -> isVersion(e, a1) || isVersion(e, b1));
        // The next delete can start.
        assertThat(robot.lookup("#delete").queryButton().isDisabled()).isFalse();
    }

    private static boolean isVersion(ListingEntry entry, String versionId) {
        return entry instanceof ObjectVersion v && versionId.equals(v.versionId());
    }

    @SuppressWarnings("unchecked")
    private static TableRow<ListingEntry> row(FxRobot robot, Predicate<ListingEntry> match) {
        return robot.lookup(".table-row-cell")
                .match(node -> node instanceof TableRow<?> r && r.getItem() instanceof ListingEntry e
                        && match.test(e))
                .query();
    }
}
