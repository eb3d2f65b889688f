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
 * A click on a results column header sorts the results, as in any table; while a job's results stream in, the
 * table keeps their arrival order and sorts once the job is done. A filter over a big job's results is applied in
 * the background: meanwhile the table shows the rows it had and the bar says "Filtering…".
 */
class ResultsViewSortTest {

    /** More than the table filters at once. */
    private static final int MANY_RESULTS = 60_000;

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

    @Test
    void aFilterOverManyResultsShowsTheFormerRowsUntilTheBackgroundFilterIsDone() throws Exception {
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < MANY_RESULTS; i++) {
            VersionRef item = new VersionRef(String.format(Locale.ROOT, "logs/%05d.gz", i), "v" + i, null);
            results.add(i % 3 == 0 ? ItemResult.failed(item, "AccessDenied", "Access Denied", "req", 1)
                    : new ItemResult(item, DeleteOutcome.DELETED, null, null, null, "req", 1));
        }
        robot.interact(() -> {
            model.begin("Delete in bucket", "bucket", MANY_RESULTS, new CancellationToken());
            model.add(results);
            model.finish("Finished with problems");
            model.outcomeFilterProperty().set(DeleteOutcome.FAILED);
        });
        assertThat(FxThread.read(() -> table.getItems().size())).isEqualTo(MANY_RESULTS);
        assertThat(FxThread.read(() -> notice.isVisible() ? notice.getText() : "")).isEqualTo("Filtering…");

        robot.interact(tasks::completeAll);

        List<ItemResult> shown = FxThread.read(() -> List.copyOf(table.getItems()));
        assertThat(shown).hasSize(MANY_RESULTS / 3).allMatch(r -> r.outcome() == DeleteOutcome.FAILED);
        assertThat(shown.get(1).key()).isEqualTo("logs/00003.gz");
        assertThat(FxThread.read(notice::isVisible)).isFalse();

        // Sorted in the background too, from the rows the filter left.
        robot.clickOn("Key").clickOn("Key");
        robot.interact(tasks::completeAll);
        List<ItemResult> sorted = FxThread.read(() -> List.copyOf(table.getItems()));
        assertThat(sorted).hasSize(MANY_RESULTS / 3);
        assertThat(sorted.get(0).key()).isEqualTo("logs/59997.gz");
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
