package org.bucketsweep.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.testing.FxThread;
import org.bucketsweep.ui.testing.HeldTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A filter over a big job's results is applied in the background: meanwhile the table shows the rows it had and the
 * bar says "Filtering…"; then it shows exactly the rows the filter leaves, which a click on a header sorts.
 */
class ResultsFilterTest {

    /** More than the table filters at once. */
    private static final int RESULTS = 60_000;

    private final FxRobot robot = new FxRobot();
    private final HeldTaskRunner tasks = new HeldTaskRunner();
    private ResultsViewModel model;
    private TableView<ItemResult> table;
    private Label notice;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void showResults() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model = new ResultsViewModel(tasks, new FakeDialogs());
            ResultsView view = new ResultsView(model);
            table = (TableView<ItemResult>) view.lookup("#resultsTable");
            notice = (Label) view.lookup("#resultsBusy");
            stage.setScene(new Scene(view, 1000, 400));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aFilterOverManyResultsShowsTheFormerRowsUntilTheBackgroundFilterIsDone() throws Exception {
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < RESULTS; i++) {
            VersionRef item = new VersionRef(String.format(Locale.ROOT, "logs/%05d.gz", i), "v" + i, null);
            results.add(i % 3 == 0 ? ItemResult.failed(item, "AccessDenied", "Access Denied", "req", 1)
                    : new ItemResult(item, DeleteOutcome.DELETED, null, null, null, "req", 1));
        }
        robot.interact(() -> {
            model.begin("Delete in bucket", "bucket", RESULTS, new CancellationToken());
            model.add(results);
            model.finish("Finished with problems");
            model.outcomeFilterProperty().set(DeleteOutcome.FAILED);
        });
        assertThat(FxThread.read(() -> table.getItems().size())).isEqualTo(RESULTS);
        assertThat(FxThread.read(() -> notice.isVisible() ? notice.getText() : "")).isEqualTo("Filtering…");

        robot.interact(tasks::completeAll);

        List<ItemResult> shown = FxThread.read(() -> List.copyOf(table.getItems()));
        assertThat(shown).hasSize(RESULTS / 3).allMatch(r -> r.outcome() == DeleteOutcome.FAILED);
        assertThat(shown.get(1).key()).isEqualTo("logs/00003.gz");
        assertThat(FxThread.read(notice::isVisible)).isFalse();

        // Sorted in the background too, from the rows the filter left.
        robot.clickOn("Key").clickOn("Key");
        robot.interact(tasks::completeAll);
        List<ItemResult> sorted = FxThread.read(() -> List.copyOf(table.getItems()));
        assertThat(sorted).hasSize(RESULTS / 3);
        assertThat(sorted.get(0).key()).isEqualTo("logs/59997.gz");
    }
}
