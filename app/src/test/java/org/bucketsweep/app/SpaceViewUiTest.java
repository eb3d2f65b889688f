package org.bucketsweep.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bucketsweep.app.demo.DemoSandbox;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.usage.FolderUsage;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.dialog.FxDialogService;
import org.bucketsweep.ui.main.MainView;
import org.bucketsweep.ui.main.MainViewModel;
import org.bucketsweep.ui.main.Theme;
import org.bucketsweep.ui.testing.FxThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Where's the space?" on the demo sandbox, as a person uses it: Ctrl+U on demo-versioned shows backups/ first (it
 * holds the noncurrent bytes and an incomplete upload), and Enter on it opens that folder in the browser.
 */
class SpaceViewUiTest {

    private final FxRobot robot = new FxRobot();
    private DemoSandbox sandbox;
    private FxTaskRunner tasks;
    private MainViewModel model;

    @BeforeEach
    void start() throws Exception {
        sandbox = DemoSandbox.start();
        ConnectionSettings settings = new ConnectionSettings("Demo sandbox", sandbox.endpoint(), sandbox.region(),
                true, new CredentialsSource.StaticKeys(sandbox.accessKeyId(), sandbox.secretAccessKey()), true);
        tasks = new FxTaskRunner();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            model = new MainViewModel(tasks, new FxDialogService(() -> stage), () -> settings, c -> { }, null);
            Scene scene = new Scene(new MainView(model), 1200, 800);
            Theme.apply(scene);
            s.setScene(scene);
            s.show();
            model.connect(settings);
        });
        BucketPick.click(robot, DemoSandbox.VERSIONED_BUCKET);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        model.close();
        tasks.close();
        sandbox.close();
    }

    @Test
    void ctrlUShowsBackupsFirstAndEnterBrowsesIntoIt() throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> FxThread.read(() -> model.usage().reportProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#bottomTabs").query();
        assertThat(FxThread.read(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("spaceTab");
        TableView<FolderUsage> table = robot.lookup("#usageTable").queryTableView();
        List<FolderUsage> shown = FxThread.read(() -> List.copyOf(table.getItems()));
        FolderUsage backups = shown.get(0);
        assertThat(backups.folder()).isEqualTo("backups/");
        // db.dump: five noncurrent versions of 256 KiB; site.tar: two of 96 KiB. db-next.dump: 512 + 128 KiB.
        assertThat(backups.noncurrentBytes()).isEqualTo(5 * 256 * 1024 + 2 * 96 * 1024);
        assertThat(backups.uploads()).isEqualTo(1);
        assertThat(backups.uploadBytes()).isEqualTo(640 * 1024);
        assertThat(shown).filteredOn(f -> f.folder().equals("archive/")).singleElement()
                .satisfies(f -> assertThat(f.expiredMarkers()).isEqualTo(1));
        assertThat(robot.lookup("#usageTable").lookup("1.4 MiB").tryQuery()).isPresent();

        robot.clickOn(row(table, 0)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(FxThread.read(() -> model.browser().prefixProperty().get())).isEqualTo("backups/");
    }

    @SuppressWarnings("unchecked")
    private TableRow<FolderUsage> row(TableView<FolderUsage> table, int index) {
        return robot.from(table).lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getIndex() == index).<TableRow<FolderUsage>>query();
    }
}
