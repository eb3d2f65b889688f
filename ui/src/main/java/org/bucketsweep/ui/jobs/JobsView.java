package org.bucketsweep.ui.jobs;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Running and past delete jobs: progress, speed, time left, Cancel, and their results on Enter or double click. */
public final class JobsView extends VBox {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public JobsView(JobsViewModel model) {
        // Sorted here: a click on a column header sorts what the table shows, and keeps a job that starts later in
        // its place. Sorting the view model's own list (the table's default) would leave its order (newest first)
        // to whichever changed it last.
        SortedList<JobRow> sorted = new SortedList<>(model.jobs());
        TableView<JobRow> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("jobsTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No delete jobs yet. Select objects or versions and press Delete; each job"
                + " is listed here with its progress, and past jobs stay for review."));
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.getColumns().add(textColumn("Started", r -> new ReadOnlyStringWrapper(STARTED.format(r.started())),
                140));
        table.getColumns().add(textColumn("Bucket", r -> new ReadOnlyStringWrapper(r.bucket()), 120));
        table.getColumns().add(textColumn("Job", r -> new ReadOnlyStringWrapper(r.intent()), 220));
        table.getColumns().add(textColumn("State",
                r -> Bindings.createStringBinding(() -> r.stateProperty().get().label(), r.stateProperty()), 130));
        table.getColumns().add(progressColumn());
        table.getColumns().add(textColumn("Outcomes", JobRow::outcomesTextProperty, 230));
        table.getColumns().add(textColumn("Speed", JobRow::speedTextProperty, 100));
        table.getColumns().add(textColumn("Elapsed", JobRow::elapsedTextProperty, 80));
        table.getColumns().add(textColumn("Left", JobRow::remainingTextProperty, 80));
        table.getColumns().add(textColumn("In flight", JobRow::inFlightTextProperty, 90));
        table.setRowFactory(t -> {
            TableRow<JobRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(model.selectedProperty().get());
            }
        });

        Button open = new Button("Open results", new FontIcon(Material2MZ.OPEN_IN_NEW));
        open.setId("openJob");
        open.setTooltip(new Tooltip("Show this job's results from its journal (Enter or double click)"));
        open.disableProperty().bind(model.canOpenSelectedProperty().not());
        open.setOnAction(e -> model.open(model.selectedProperty().get()));
        Button cancel = new Button("Cancel job", new FontIcon(Material2AL.CANCEL));
        cancel.setId("cancelJob");
        cancel.setTooltip(new Tooltip("Stop after the requests in flight; the rest is not attempted"));
        cancel.disableProperty().bind(model.canCancelSelectedProperty().not());
        cancel.setOnAction(e -> model.cancel(model.selectedProperty().get()));
        Button reload = new Button("Reload history", new FontIcon(Material2MZ.REFRESH));
        reload.setId("reloadJobs");
        reload.setOnAction(e -> model.loadHistory());
        HBox actions = new HBox(8, open, cancel, reload);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(6, 8, 6, 8));

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(actions, table);

        // Elapsed time and speed move on between batches (while a job waits for an MFA code, for instance).
        Timeline ticks = new Timeline(new KeyFrame(Duration.millis(500), e -> model.tick()));
        ticks.setCycleCount(Animation.INDEFINITE);
        model.activeProperty().addListener((obs, was, now) -> {
            if (now.intValue() > 0) {
                ticks.play();
            } else {
                ticks.stop();
            }
        });
    }

    private static TableColumn<JobRow, String> textColumn(String name,
                                                          Function<JobRow, ObservableValue<String>> value,
                                                          double width) {
        TableColumn<JobRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<JobRow, JobRow> progressColumn() {
        TableColumn<JobRow, JobRow> column = new TableColumn<>("Progress");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new ProgressCell());
        column.setPrefWidth(200);
        return column;
    }

    /** A bar with "done of total" beside it. */
    private static final class ProgressCell extends TableCell<JobRow, JobRow> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox graphic = new HBox(6, bar, text);

        ProgressCell() {
            bar.setPrefWidth(80);
            bar.getStyleClass().add(Styles.SMALL);
            graphic.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(JobRow row, boolean empty) {
            super.updateItem(row, empty);
            bar.progressProperty().unbind();
            text.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bar.progressProperty().bind(row.fractionProperty());
            text.textProperty().bind(row.doneTextProperty());
            setGraphic(graphic);
        }
    }
}
