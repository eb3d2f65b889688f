package org.bucketsweep.ui.results;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Tooltip;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.ui.table.BackgroundWorkNotice;
import org.bucketsweep.ui.table.SortOnceListed;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The results table of the current job, with progress, counts and a filter by outcome. */
public final class ResultsView extends VBox {

    public ResultsView(ResultsViewModel model) {
        Label title = new Label();
        title.setId("resultsTitle");
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("title-4");

        ProgressBar progress = new ProgressBar();
        progress.setId("deleteProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(220);

        Button cancel = new Button("Cancel", new FontIcon(Material2AL.CANCEL));
        cancel.setId("cancelDelete");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());

        Label counts = new Label();
        counts.setId("resultCounts");
        counts.textProperty().bind(model.countsTextProperty());

        ComboBox<DeleteOutcome> filter = new ComboBox<>();
        filter.setId("outcomeFilter");
        filter.getItems().add(null);
        filter.getItems().addAll(DeleteOutcome.values());
        filter.setButtonCell(new OutcomeCell(model));
        filter.setCellFactory(v -> new OutcomeCell(model));
        filter.valueProperty().bindBidirectional(model.outcomeFilterProperty());

        TextField text = new TextField();
        text.setId("resultsFilter");
        text.setPromptText("Filter results");
        text.setPrefColumnCount(12);
        text.textProperty().bindBidirectional(model.textFilterProperty());
        Button retry = new Button("Retry failed", new FontIcon(Material2MZ.REPLAY));
        retry.setId("retryFailed");
        retry.setTooltip(new Tooltip("Offer the failed and not attempted items as a new delete"));
        retry.visibleProperty().bind(model.canRetryProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> model.retry());

        Button export = new Button("Export…", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("exportResults");
        export.setTooltip(new Tooltip("Save every result row as CSV or JSON"));
        export.disableProperty().bind(Bindings.isEmpty(model.results()).or(model.runningProperty()));
        export.setOnAction(e -> model.exportAs());
        Label exportStatus = new Label();
        exportStatus.getStyleClass().add("text-muted");
        exportStatus.textProperty().bind(model.exportStatusProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox job = new HBox(10, title, progress, cancel, retry, spacer, exportStatus, export);
        job.setAlignment(Pos.CENTER_LEFT);
        Region filterSpacer = new Region();
        HBox.setHgrow(filterSpacer, Priority.ALWAYS);
        HBox filters = new HBox(10, counts, filterSpacer, new Label("Show:"), filter, text);
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, job, filters);
        header.setPadding(new Insets(6, 8, 6, 8));

        TableView<ItemResult> table = new TableView<>();
        // Results stream in by the thousand: sorted once the job is done (many in the background), not row by row.
        SortOnceListed<ItemResult> order = SortOnceListed.install(table, model.visibleResults(),
                model.runningProperty(), model.tasks());
        Label busy = BackgroundWorkNotice.of(model.filteringProperty(), order.sortingProperty());
        busy.setId("resultsBusy");
        filters.getChildren().add(1, busy);
        table.setId("resultsTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Results of a delete appear here, one row per item."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Runnable copy = () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(ResultsViewModel.copyText(table.getSelectionModel().getSelectedItems()));
            Clipboard.getSystemClipboard().setContent(content);
        };
        table.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copy.run();
            }
        });
        MenuItem copyRows = new MenuItem("Copy rows", new FontIcon(Material2AL.CONTENT_COPY));
        copyRows.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copyRows.setOnAction(e -> copy.run());
        MenuItem reveal = new MenuItem("Show in browser", new FontIcon(Material2AL.FOLDER_OPEN));
        reveal.setOnAction(e -> model.showInBrowser(table.getSelectionModel().getSelectedItem()));
        reveal.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setContextMenu(new ContextMenu(reveal, copyRows));
        TableColumn<ItemResult, DeleteOutcome> outcome = new TableColumn<>("Outcome");
        outcome.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().outcome()));
        outcome.setCellFactory(c -> new OutcomeTableCell());
        outcome.setPrefWidth(215);
        table.getColumns().add(outcome);
        table.getColumns().add(column("Key", ItemResult::key, 240));
        table.getColumns().add(column("Version ID", ItemResult::versionId, 190));
        table.getColumns().add(column("Delete marker version ID", ItemResult::deleteMarkerVersionId, 190));
        table.getColumns().add(column("Error code", ItemResult::errorCode, 110));
        table.getColumns().add(column("Message", ItemResult::errorMessage, 260));
        table.getColumns().add(column("Request ID", ItemResult::requestId, 150));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, table);
    }

    private static TableColumn<ItemResult, String> column(String name, Function<ItemResult, String> value,
                                                          double width) {
        TableColumn<ItemResult, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    static FontIcon iconFor(DeleteOutcome outcome) {
        FontIcon icon = new FontIcon(switch (outcome) {
            case DELETED -> Material2AL.DELETE_FOREVER;
            case DELETE_MARKER_CREATED -> Material2AL.BOOKMARK_BORDER;
            case DELETE_MARKER_REMOVED -> Material2MZ.RESTORE;
            case RESTORED -> Material2AL.HISTORY;
            case FAILED -> Material2AL.ERROR_OUTLINE;
            case NOT_ATTEMPTED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
        });
        icon.getStyleClass().add("outcome-" + outcome.name().toLowerCase().replace('_', '-'));
        return icon;
    }

    private static final class OutcomeTableCell extends TableCell<ItemResult, DeleteOutcome> {
        @Override
        protected void updateItem(DeleteOutcome outcome, boolean empty) {
            super.updateItem(outcome, empty);
            setText(empty || outcome == null ? null : outcome.label());
            setGraphic(empty || outcome == null ? null : iconFor(outcome));
        }
    }

    /** "Failed (3)" in the outcome filter, kept up to date as results arrive. */
    private static final class OutcomeCell extends ListCell<DeleteOutcome> {
        private final ResultsViewModel model;
        private final ChangeListener<String> recount = (obs, was, now) -> showCount();

        OutcomeCell(ResultsViewModel model) {
            this.model = model;
            model.countsTextProperty().addListener(new WeakChangeListener<>(recount));
        }

        @Override
        protected void updateItem(DeleteOutcome outcome, boolean empty) {
            super.updateItem(outcome, empty);
            showCount();
        }

        private void showCount() {
            DeleteOutcome outcome = getItem();
            if (isEmpty()) {
                setText(null);
            } else if (outcome == null) {
                setText("All outcomes (" + String.format("%,d", model.results().size()) + ")");
            } else {
                setText(outcome.label() + " (" + String.format("%,d", model.count(outcome)) + ")");
            }
        }
    }
}
