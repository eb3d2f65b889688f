package org.bucketsweep.ui.uploads;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bucketsweep.ui.format.Sizes;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The incomplete uploads panel: a table of uploads, selection by age, and Abort. Lays out and binds only. */
public final class UploadsView extends VBox {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public UploadsView(UploadsViewModel model) {
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("refreshUploads");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.abortingProperty());

        Spinner<Integer> days = new Spinner<>(0, 3650, UploadsViewModel.DEFAULT_DAYS);
        days.setId("uploadDays");
        days.setEditable(true);
        days.setPrefWidth(80);
        days.getValueFactory().valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.olderThanDaysProperty().set(now);
            }
        });
        Button selectOld = new Button("Select older than");
        selectOld.setId("selectOldUploads");
        selectOld.setTooltip(new Tooltip("Select the uploads started more than this many days ago"));
        selectOld.setOnAction(e -> model.selectOlderThan());
        selectOld.disableProperty().bind(Bindings.isEmpty(model.rows()).or(model.abortingProperty()));

        Button abort = new Button("Abort selected…", new FontIcon(Material2AL.DELETE_SWEEP));
        abort.setId("abortUploads");
        abort.getStyleClass().add("danger");
        abort.setTooltip(new Tooltip("Abort the selected uploads: their parts are deleted (Delete)"));
        abort.setOnAction(e -> model.abortSelected());
        abort.disableProperty().bind(model.canAbortProperty().not());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty().or(model.abortingProperty()));
        Button cancel = new Button("Cancel", new FontIcon(Material2AL.CANCEL));
        cancel.setId("cancelUploads");
        cancel.visibleProperty().bind(busy.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());

        Label status = new Label();
        status.setId("uploadsStatus");
        status.textProperty().bind(model.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, refresh, busy, cancel, status, spacer, selectOld, days, new Label("days"), abort);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        // Sorted here, not in the view model's list (see JobsView): a refreshed listing is sorted as the table is.
        SortedList<UploadRow> sorted = new SortedList<>(model.rows());
        TableView<UploadRow> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("uploadsTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(placeholder);
        table.getColumns().add(column("Key", r -> r.upload().key(), 260));
        TableColumn<UploadRow, Instant> started = new TableColumn<>("Started");
        started.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().upload().initiated()));
        started.setCellFactory(c -> new FormattedCell<>(TIME::format));
        started.setPrefWidth(150);
        table.getColumns().add(started);
        TableColumn<UploadRow, Integer> parts = new TableColumn<>("Parts");
        parts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().upload().parts() == null ? null : c.getValue().upload().parts().count()));
        parts.setPrefWidth(60);
        table.getColumns().add(parts);
        TableColumn<UploadRow, Long> size = new TableColumn<>("Size");
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().upload().bytes()));
        size.setCellFactory(c -> new FormattedCell<>(Sizes::human));
        size.setPrefWidth(90);
        table.getColumns().add(size);
        table.getColumns().add(column("Storage class", r -> r.upload().storageClass(), 100));
        table.getColumns().add(column("Outcome", UploadRow::outcomeText, 180));
        table.getColumns().add(column("Upload ID", r -> r.upload().uploadId(), 220));
        table.getSortOrder().add(started);

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<UploadRow>) change ->
                model.selection().setAll(table.getSelectionModel().getSelectedItems()));
        model.selectionToRestoreProperty().addListener((obs, was, rows) -> {
            table.getSelectionModel().clearSelection();
            for (UploadRow row : rows) {
                table.getSelectionModel().select(row);
            }
            table.requestFocus();
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                model.abortSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.cancel();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    private static TableColumn<UploadRow, String> column(String title, Function<UploadRow, String> value,
                                                         double width) {
        TableColumn<UploadRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Shows a value through a format, keeping the value itself for sorting. */
    private static final class FormattedCell<T> extends TableCell<UploadRow, T> {
        private final Function<T, String> format;

        FormattedCell(Function<T, String> format) {
            this.format = format;
        }

        @Override
        protected void updateItem(T value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : format.apply(value));
        }
    }
}
