package org.bucketsweep.ui.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.dialog.FxDialogService;
import org.bucketsweep.ui.main.Theme;
import org.bucketsweep.ui.testing.FxThread;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The uploads panel as a person uses it, headless, with the real confirmation dialog: select by age, Abort, read
 * the outcomes in the rows and the server afterwards.
 */
class UploadsViewUiTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FxRobot robot = new FxRobot();
    private S3Connection connection;
    private S3Client s3;
    private FxTaskRunner tasks;
    private UploadsViewModel model;
    private TableView<UploadRow> table;

    @BeforeEach
    void start() throws Exception {
        connection = S3Connection.open(TestBuckets.settings(server.getUri()));
        s3 = connection.client();
        new TestBuckets(s3).versionedBucket("media");
        tasks = new FxTaskRunner();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model = new UploadsViewModel(tasks, new FxDialogService(() -> stage));
            Scene scene = new Scene(new UploadsView(model), 1100, 400);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            model.connect(new MultipartUploads(connection));
        });
        table = robot.lookup("#uploadsTable").queryTableView();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        connection.close();
    }

    @Test
    void selectByAgeConfirmAndSeeEachUploadsOutcome() throws Exception {
        start("backups/db.dump", 2048);
        start("backups/site.tar", 512);
        FxToolkit.setupFixture(() -> {
            model.show("media", "backups/");
            model.shownProperty().set(true);
        });
        FxThread.waitUntil(20, () -> table.getItems().size() == 2 && !model.loadingProperty().get());

        Spinner<Integer> days = robot.lookup("#uploadDays").query();
        robot.interact(() -> days.getValueFactory().setValue(0));
        robot.clickOn("#selectOldUploads");
        assertThat(FxThread.read(() -> table.getSelectionModel().getSelectedItems().size())).isEqualTo(2);

        robot.clickOn("#abortUploads");
        Stage dialog = FxThread.read(() -> (Stage) robot.lookup("#confirmAction").query().getScene().getWindow());
        assertThat(FxThread.read(dialog::getTitle)).isEqualTo("Abort incomplete uploads");
        robot.clickOn("#confirmAction");

        FxThread.waitUntil(20, () -> !model.abortingProperty().get()
                && table.getItems().stream().allMatch(r -> r.result() != null));
        assertThat(FxThread.read(() -> table.getItems().stream().map(UploadRow::outcomeText).toList()))
                .containsOnly("Aborted");
        assertThat(robot.lookup("#uploadsStatus").queryLabeled().getText())
                .isEqualTo("2 aborted · 2.5 KiB no longer billed");
        List<MultipartUpload> left = new MultipartUploads(connection).listAll("media", "", new CancellationToken());
        assertThat(left).isEmpty();
    }

    private void start(String key, int bytes) {
        new TestBuckets(s3).startUpload("media", key, bytes);
    }
}
