package org.bucketsweep.ui.usage;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.usage.FolderUsage;
import org.bucketsweep.ui.format.Sizes;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Space screen: a sortable table of folders (most noncurrent bytes first), the totals in words, progress and
 * Cancel while scanning, Browse (double-click or Enter) and Export.
 */
public final class UsageView extends VBox {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public UsageView(UsageViewModel model) {
        Label scope = new Label();
        scope.setId("usageScope");
        scope.getStyleClass().add(Styles.TEXT_BOLD);
        scope.textProperty().bind(model.scopeProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("usageProgress");
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(model.runningProperty());
        Button cancel = new Button("Cancel", new FontIcon(Material2AL.CLOSE));
        cancel.setId("usageCancel");
        cancel.setTooltip(new Tooltip("Stop the scan; the figures so far are shown, marked partial (Esc)"));
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(model.runningProperty());
        cancel.setOnAction(e -> model.cancel());
        Button browse = new Button("Browse", new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setId("usageBrowse");
        browse.setTooltip(new Tooltip("Open the selected folder in the browser (Enter or double-click)"));
        Button export = new Button("Export…", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("usageExport");
        export.setTooltip(new Tooltip("Save the folders as CSV or JSON, in the order shown"));
        export.disableProperty().bind(model.reportProperty().isNull());
        Label exportStatus = new Label();
        exportStatus.getStyleClass().add(Styles.TEXT_MUTED);
        exportStatus.textProperty().bind(model.exportStatusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, scope, progress, cancel, spacer, exportStatus, browse, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<FolderUsage> table = table(model);
        browse.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        browse.setOnAction(e -> model.browse(table.getSelectionModel().getSelectedItem()));
        export.setOnAction(e -> model.exportAs(table.getItems()));

        Label status = new Label();
        status.setId("usageStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        setSpacing(6);
        setPadding(new Insets(6));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table, status);
    }

    private static TableView<FolderUsage> table(UsageViewModel model) {
        TableView<FolderUsage> table = new TableView<>();
        table.setId("usageTable");
        SortedList<FolderUsage> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(empty);

        TableColumn<FolderUsage, String> folder = new TableColumn<>("Folder");
        folder.setId("usageFolder");
        folder.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().folder()));
        folder.setCellFactory(c -> new TextCell<>(f -> f.isEmpty() ? "(top level)" : f));
        folder.setPrefWidth(220);
        TableColumn<FolderUsage, Long> noncurrentBytes = bytes("Noncurrent", "usageNoncurrentBytes",
                FolderUsage::noncurrentBytes);
        table.getColumns().addAll(List.of(folder, noncurrentBytes,
                count("Old versions", "usageNoncurrentVersions", FolderUsage::noncurrentVersions),
                bytes("Current", "usageCurrentBytes", FolderUsage::currentBytes),
                count("Objects", "usageCurrentObjects", FolderUsage::currentObjects),
                count("Markers", "usageMarkers", FolderUsage::deleteMarkers),
                count("Expired markers", "usageExpiredMarkers", FolderUsage::expiredMarkers),
                count("Uploads", "usageUploads", FolderUsage::uploads),
                bytes("Upload parts", "usageUploadBytes", FolderUsage::uploadBytes),
                oldest()));
        noncurrentBytes.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(noncurrentBytes);

        table.setRowFactory(t -> {
            TableRow<FolderUsage> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.browse(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.browse(table.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
                model.cancel();
                e.consume();
            }
        });
        return table;
    }

    private static TableColumn<FolderUsage, Long> bytes(String title, String id, ToLongFunction<FolderUsage> value) {
        TableColumn<FolderUsage, Long> column = column(title, id, value);
        column.setCellFactory(c -> new TextCell<>(Sizes::human));
        return column;
    }

    private static TableColumn<FolderUsage, Long> count(String title, String id, ToLongFunction<FolderUsage> value) {
        TableColumn<FolderUsage, Long> column = column(title, id, value);
        column.setCellFactory(c -> new TextCell<>(n -> String.format(Locale.ROOT, "%,d", n)));
        return column;
    }

    private static TableColumn<FolderUsage, Long> column(String title, String id, ToLongFunction<FolderUsage> value) {
        TableColumn<FolderUsage, Long> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(95);
        return column;
    }

    private static TableColumn<FolderUsage, Instant> oldest() {
        TableColumn<FolderUsage, Instant> column = new TableColumn<>("Oldest noncurrent");
        column.setId("usageOldest");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().oldestNoncurrent()));
        // A folder without old versions sorts last, whichever way.
        column.setComparator(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        column.setCellFactory(c -> new TextCell<>(DATE::format));
        column.setPrefWidth(130);
        return column;
    }

    /** A cell that shows its value through {@code text}; nothing for an empty row or a missing value. */
    private static final class TextCell<T> extends TableCell<FolderUsage, T> {
        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
