package org.bucketsweep.ui.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.testing.LifecycleStandIn;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The lifecycle dialog on screen (headless): the rule, the existing rules, the XML, Apply. */
class LifecycleDialogTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FxRobot robot = new FxRobot();
    private ProxiedConnection s3;
    private LifecycleStandIn lifecycle;
    private LifecycleDialog shown;
    private FxTaskRunner tasks;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void connect() throws Exception {
        s3 = ProxiedConnection.to(server.getUri());
        s3.buckets().versionedBucket("vers");
        lifecycle = new LifecycleStandIn(LifecycleDialogViewModelTest.THEIRS);
        s3.proxy().setPolicy(lifecycle);
    }

    @AfterEach
    void close() throws TimeoutException {
        if (shown != null) {
            FxToolkit.setupFixture(shown::close);
        }
        if (tasks != null) {
            tasks.close();
        }
        s3.close();
    }

    @Test
    void showsTheMergedRulesAndAppliesThem() throws Exception {
        tasks = new FxTaskRunner();
        LifecycleDialogViewModel model = new LifecycleDialogViewModel(tasks, new BucketLifecycle(s3.connection()),
                "vers", new SweepRule("backups/", 30, null, false, null));
        FxToolkit.setupFixture(() -> {
            shown = new LifecycleDialog(model);
            shown.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#lifecycleXml").queryAs(TextArea.class).getText())
                .contains("<ID>their-rule</ID>", "<ID>bucketsweep-backups/</ID>");
        assertThat(robot.lookup("#existingRules").queryListView().getItems()).hasSize(1);
        assertThat(robot.lookup("#lifecycleExplanation").queryAs(TextArea.class).getText())
                .contains("30 days after it became noncurrent");

        robot.clickOn("#expiredMarkers");
        assertThat(robot.lookup("#lifecycleXml").queryAs(TextArea.class).getText())
                .contains("<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker>");
        robot.clickOn("#applyLifecycle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#lifecycleStatus").queryAs(Label.class).getText().startsWith("Done"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown.isShowing()).as("Apply keeps the dialog open with the outcome").isTrue();
        assertThat(lifecycle.stored()).contains("<ID>bucketsweep-backups/</ID>", "<ExpiredObjectDeleteMarker>");
        ListView<?> rules = robot.lookup("#existingRules").queryListView();
        assertThat(rules.getItems()).hasSize(2);
    }
}
