package org.bucketsweep.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.JobProgress;
import org.bucketsweep.model.journal.JobHeader;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The jobs table sorted by a click on a column header stays sorted as jobs start. */
class JobsViewSortTest {

    private final FxRobot robot = new FxRobot();
    private JobsViewModel model;
    private TableView<JobRow> table;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void showJobs() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model = new JobsViewModel(new DirectTaskRunner(), null);
            JobsView view = new JobsView(model);
            table = (TableView<JobRow>) view.lookup("#jobsTable");
            stage.setScene(new Scene(view, 1200, 400));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aJobThatStartsAfterAHeaderClickGoesWhereTheSortPutsIt() {
        robot.interact(() -> {
            start("beta");
            start("alpha");
        });
        assertThat(buckets()).as("unsorted: newest first").containsExactly("alpha", "beta");

        robot.clickOn("Bucket");
        robot.interact(() -> {
            start("charlie");
            start("aardvark");
        });

        assertThat(buckets()).containsExactly("aardvark", "alpha", "beta", "charlie");
        assertThat(model.jobs()).extracting(JobRow::bucket).as("the view model's own order")
                .containsExactly("aardvark", "charlie", "alpha", "beta");
    }

    private void start(String bucket) {
        JobHeader header = new JobHeader(UUID.randomUUID().toString(), Instant.now(), null, bucket,
                "Delete 1 version", DeleteOptions.DEFAULTS, 1, Map.of(), false);
        model.started(header, new JobProgress(1), new CancellationToken());
    }

    private List<String> buckets() {
        return table.getItems().stream().map(JobRow::bucket).toList();
    }
}
