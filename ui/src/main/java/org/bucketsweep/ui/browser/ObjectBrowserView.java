package org.bucketsweep.ui.browser;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.browse.CommonPrefix;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.ui.format.Sizes;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Breadcrumb, "Show versions" toggle and the table of one level of a bucket. */
public final class ObjectBrowserView extends VBox {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObjectBrowserViewModel model;
    private final HBox breadcrumb = new HBox(2);

    public ObjectBrowserView(ObjectBrowserViewModel model) {
        this.model = model;
        breadcrumb.setId("breadcrumb");
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        model.breadcrumbs().addListener((ListChangeListener<Crumb>) c -> rebuildBreadcrumb());
        rebuildBreadcrumb();

        Button backButton = new Button(null, new FontIcon(Material2AL.ARROW_BACK));
        backButton.setId("back");
        backButton.setTooltip(new Tooltip("Back (Alt+Left)"));
        backButton.disableProperty().bind(model.canGoBackProperty().not());
        backButton.setOnAction(e -> model.goBack());
        Button forwardButton = new Button(null, new FontIcon(Material2AL.ARROW_FORWARD));
        forwardButton.setId("forward");
        forwardButton.setTooltip(new Tooltip("Forward (Alt+Right)"));
        forwardButton.disableProperty().bind(model.canGoForwardProperty().not());
        forwardButton.setOnAction(e -> model.goForward());
        backButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        forwardButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);

        ToggleButton flat = new ToggleButton(null, new FontIcon(Material2AL.ACCOUNT_TREE));
        flat.setId("flat");
        flat.setTooltip(new Tooltip("All depths: every key under this folder instead of one level"));
        flat.selectedProperty().bindBidirectional(model.flatProperty());
        flat.disableProperty().bind(model.bucketProperty().isNull());

        ToggleButton showVersions = new ToggleButton("Show versions", new FontIcon(Material2AL.HISTORY));
        showVersions.setId("showVersions");
        showVersions.selectedProperty().bindBidirectional(model.showVersionsProperty());
        showVersions.disableProperty().bind(model.bucketProperty().isNull());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        Label status = new Label();
        status.setId("browserStatus");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("text-muted");
        status.setMinWidth(0);
        breadcrumb.setMinWidth(Region.USE_PREF_SIZE);
        showVersions.setMinWidth(Region.USE_PREF_SIZE);

        TextField filter = new TextField();
        filter.setId("browserFilter");
        filter.setPromptText("Filter loaded rows (Ctrl+F)");
        filter.setPrefColumnCount(12);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                e.consume();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, backButton, forwardButton, breadcrumb, spacer, busy, status, filter, flat,
                showVersions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 8, 6, 8));

        TableView<ListingEntry> table = createTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, table);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        filter::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN),
                        model::goBack);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN),
                        model::goForward);
            }
        });
    }

    private TableView<ListingEntry> createTable() {
        SortedList<ListingEntry> sorted = new SortedList<>(model.visibleRows());
        TableView<ListingEntry> table = new TableView<>(sorted);
        // A sorted SortedList places each added row with a pass over all rows: while a listing streams in, that
        // froze the window for 9 s at 100,000 rows (docs/benchmarks.md). Rows keep the listing's order until it is
        // complete, then are sorted once; a click on a header meanwhile is kept and applied then.
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> model.loadingProperty().get() ? null : table.getComparator(),
                model.loadingProperty(), table.comparatorProperty()));
        table.setSortPolicy(t -> true);
        table.setId("objectTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);

        TableColumn<ListingEntry, ListingEntry> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new NameCell(model));
        name.setComparator((a, b) -> a.key().compareTo(b.key()));
        name.setPrefWidth(320);
        table.getColumns().add(name);
        table.getColumns().add(column("Version ID", e -> e instanceof ObjectVersion v ? v.versionId() : null, 230));
        table.getColumns().add(column("Latest", e -> e instanceof ObjectVersion v && v.versionId() != null
                ? (v.latest() ? "latest" : "") : null, 70));
        // The size column holds bytes, so that it sorts by size; cells show them readable.
        TableColumn<ListingEntry, Long> size = new TableColumn<>("Size");
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue() instanceof ObjectVersion v && !v.deleteMarker() ? v.size() : null));
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty || bytes == null ? null : Sizes.human(bytes));
            }
        });
        size.setPrefWidth(90);
        table.getColumns().add(size);
        table.getColumns().add(column("Last modified", e -> e instanceof ObjectVersion v && v.lastModified() != null
                ? TIME.format(v.lastModified()) : null, 160));

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ListingEntry>) c ->
                model.selection().setAll(table.getSelectionModel().getSelectedItems()));
        model.selectionToRestoreProperty().addListener((obs, was, now) -> {
            table.getSelectionModel().clearSelection();
            now.forEach(entry -> table.getSelectionModel().select(entry));
        });
        table.setRowFactory(t -> {
            TableRow<ListingEntry> row = new TableRow<>() {
                @Override
                protected void updateItem(ListingEntry entry, boolean empty) {
                    super.updateItem(entry, empty);
                    getStyleClass().removeAll("delete-marker-row", "noncurrent-row");
                    if (!empty && entry instanceof ObjectVersion v) {
                        if (v.deleteMarker()) {
                            getStyleClass().add("delete-marker-row");
                        } else if (!v.latest()) {
                            getStyleClass().add("noncurrent-row");
                        }
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.enter(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                ClipboardContent content = new ClipboardContent();
                content.putString(ObjectBrowserViewModel.copyText(table.getSelectionModel().getSelectedItems()));
                Clipboard.getSystemClipboard().setContent(content);
            } else if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                model.enter(table.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                model.up();
            }
        });
        return table;
    }

    private void rebuildBreadcrumb() {
        breadcrumb.getChildren().clear();
        var crumbs = model.breadcrumbs();
        for (int i = 0; i < crumbs.size(); i++) {
            Crumb crumb = crumbs.get(i);
            if (i > 0) {
                breadcrumb.getChildren().add(new FontIcon(Material2AL.CHEVRON_RIGHT));
            }
            Hyperlink link = new Hyperlink(crumb.label());
            link.setId(i == 0 ? "crumbBucket" : "crumb" + i);
            if (i == 0) {
                link.setGraphic(new FontIcon(Material2AL.DELETE_SWEEP));
            }
            link.setOnAction(e -> model.navigateTo(crumb.prefix()));
            link.setDisable(i == crumbs.size() - 1);
            breadcrumb.getChildren().add(link);
        }
    }

    private static TableColumn<ListingEntry, String> column(String title, Function<ListingEntry, String> value,
                                                           double width) {
        TableColumn<ListingEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** The key relative to the current folder, with an icon for folder, object or delete marker. */
    private static final class NameCell extends TableCell<ListingEntry, ListingEntry> {
        private final ObjectBrowserViewModel model;

        NameCell(ObjectBrowserViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(ListingEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String prefix = model.prefixProperty().get();
            String name = entry.key().startsWith(prefix) ? entry.key().substring(prefix.length()) : entry.key();
            if (name.isEmpty()) {
                name = "(this folder's own object)";
            }
            boolean versionRow = entry instanceof ObjectVersion v && v.versionId() != null;
            // In the versions view a version sits indented under its key's row.
            setPadding(new Insets(0, 0, 0, versionRow && model.showVersionsProperty().get() ? 22 : 0));
            if (entry instanceof CommonPrefix) {
                setText(name);
                setGraphic(new FontIcon(Material2AL.FOLDER));
            } else if (versionRow && ((ObjectVersion) entry).deleteMarker()) {
                setText("delete marker");
                setGraphic(new FontIcon(Material2AL.BOOKMARK_BORDER));
            } else if (versionRow) {
                setText(((ObjectVersion) entry).latest() ? "current version" : "older version");
                setGraphic(new FontIcon(Material2AL.HISTORY));
            } else if (((ObjectVersion) entry).deleteMarker()) {
                // A key whose latest version is a delete marker: it looks deleted, its older versions remain.
                setText(name + "  (deleted)");
                setGraphic(new FontIcon(Material2AL.INSERT_DRIVE_FILE));
            } else {
                setText(name);
                setGraphic(new FontIcon(Material2AL.INSERT_DRIVE_FILE));
            }
        }
    }
}
