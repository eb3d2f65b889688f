package org.bucketsweep.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.testing.FxThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A click on a results column header sorts the results, as in any table; while a job's results stream in, the
 * table keeps their arrival order and sorts once the job is done.
 */
class ResultsViewSortTest {

    private final FxRobot robot = new FxRobot();
    private ResultsViewModel model;
    private TableView<ItemResult> table;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void showResults() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model = new ResultsViewModel(new DirectTaskRunner(), new FakeDialogs());
            ResultsView view = new ResultsView(model);
            table = (TableView<ItemResult>) view.lookup("#resultsTable");
            stage.setScene(new Scene(view, 1000, 400));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aHeaderClickSortsTheResultsOnceTheJobIsDone() throws Exception {
        robot.interact(() -> {
            model.begin("Delete in bucket", "bucket", 4, new CancellationToken());
            model.add(List.of(failed("c.txt", "AccessDenied"), deleted("a.txt")));
        });

        robot.clickOn("Key");
        robot.interact(() -> model.add(List.of(failed("d.txt", "NoSuchVersion"), deleted("b.txt"))));
        assertThat(keys()).as("while the job runs").containsExactly("c.txt", "a.txt", "d.txt", "b.txt");

        robot.interact(() -> model.finish("Done"));
        assertThat(keys()).containsExactly("a.txt", "b.txt", "c.txt", "d.txt");

        robot.clickOn("Key");
        assertThat(keys()).containsExactly("d.txt", "c.txt", "b.txt", "a.txt");

        robot.interact(() -> model.outcomeFilterProperty().set(DeleteOutcome.FAILED));
        assertThat(keys()).as("filtered and sorted").containsExactly("d.txt", "c.txt");
    }

    @Test
    void sortsByErrorCode() throws Exception {
        robot.interact(() -> {
            model.begin("Delete in bucket", "bucket", 3, new CancellationToken());
            model.add(List.of(failed("a.txt", "NoSuchVersion"), deleted("b.txt"), failed("c.txt", "AccessDenied")));
            model.finish("Finished with problems");
        });

        robot.clickOn("Error code");

        // Rows without a code (deleted) first, as TableView orders nulls.
        assertThat(keys()).containsExactly("b.txt", "c.txt", "a.txt");
    }

    private List<String> keys() throws Exception {
        return FxThread.read(() -> table.getItems().stream().map(ItemResult::key).toList());
    }

    private static ItemResult deleted(String key) {
        return new ItemResult(new VersionRef(key, "v1", null), DeleteOutcome.DELETED, null, null, null, "req", 1);
    }

    private static ItemResult failed(String key, String code) {
        return ItemResult.failed(new VersionRef(key, "v1", null), code, code + " message", "req", 1);
    }
}
