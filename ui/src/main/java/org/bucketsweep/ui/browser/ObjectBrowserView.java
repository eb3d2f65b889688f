package org.bucketsweep.ui.browser;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.restore.VersionRestorer;
import org.bucketsweep.ui.table.BackgroundWorkNotice;
import org.bucketsweep.ui.table.SortOnceListed;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Breadcrumb and view toggles above; the name prefix, the filter and the listing's progress below them; then the
 * table of one level of a bucket.
 */
public final class ObjectBrowserView extends VBox {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObjectBrowserViewModel model;
    private final HBox breadcrumb = new HBox(2);
    /** How the table is sorted; set by {@link #createTable()}, which runs before the bars are made. */
    private SortOnceListed<ListingEntry> tableOrder;

    public ObjectBrowserView(ObjectBrowserViewModel model) {
        this.model = model;
        breadcrumb.setId("breadcrumb");
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        breadcrumb.setMinWidth(Region.USE_PREF_SIZE);
        model.breadcrumbs().addListener((ListChangeListener<Crumb>) c -> rebuildBreadcrumb());
        rebuildBreadcrumb();

        TableView<ListingEntry> table = createTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(navigationBar(), narrowingBar(), table);
        // A filter, not a handler: the table and text fields would otherwise take Esc for themselves.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && model.loadingProperty().get()) {
                model.cancelListing();
                e.consume();
            }
        });
        accelerator(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), model::goBack);
        accelerator(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), model::goForward);
    }

    /** Back, forward, the breadcrumb, and how to list: all depths, versions, deleted keys only. */
    private HBox navigationBar() {
        Button backButton = iconButton("back", Material2AL.ARROW_BACK, "Back (Alt+Left)");
        backButton.disableProperty().bind(model.canGoBackProperty().not());
        backButton.setOnAction(e -> model.goBack());
        Button forwardButton = iconButton("forward", Material2AL.ARROW_FORWARD, "Forward (Alt+Right)");
        forwardButton.disableProperty().bind(model.canGoForwardProperty().not());
        forwardButton.setOnAction(e -> model.goForward());

        ToggleButton flat = new ToggleButton(null, new FontIcon(Material2AL.ACCOUNT_TREE));
        flat.setId("flat");
        flat.setTooltip(new Tooltip("All depths: every key under this folder instead of one level"));
        flat.selectedProperty().bindBidirectional(model.flatProperty());
        ToggleButton showVersions = new ToggleButton("Show versions", new FontIcon(Material2AL.HISTORY));
        showVersions.setId("showVersions");
        showVersions.setTooltip(new Tooltip("Each key with the counts of its versions, then every version and"
                + " delete marker"));
        showVersions.selectedProperty().bindBidirectional(model.showVersionsProperty());
        ToggleButton deletedOnly = new ToggleButton("Deleted keys", new FontIcon(Material2MZ.RESTORE_FROM_TRASH));
        deletedOnly.setId("showDeleted");
        deletedOnly.setTooltip(new Tooltip("Only keys whose latest version is a delete marker; deleting that marker"
                + " brings the key back"));
        deletedOnly.selectedProperty().bindBidirectional(model.deletedOnlyProperty());
        for (ToggleButton toggle : new ToggleButton[] {flat, showVersions, deletedOnly}) {
            toggle.disableProperty().bind(model.bucketProperty().isNull());
            toggle.setMinWidth(Region.USE_PREF_SIZE);
        }

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, backButton, forwardButton, breadcrumb, spacer, flat, showVersions, deletedOnly);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 2, 8));
        return bar;
    }

    /** The server-side name prefix, the client-side filter, and the listing's progress with its Cancel. */
    private HBox narrowingBar() {
        TextField namePrefix = new TextField();
        namePrefix.setId("namePrefix");
        namePrefix.setPromptText("Name starts with…");
        namePrefix.setTooltip(new Tooltip("Enter lists only the keys of this folder whose name starts with this"
                + " (sent to S3 as the prefix); Esc clears it"));
        namePrefix.setPrefColumnCount(14);
        namePrefix.setOnAction(e -> model.namePrefixProperty().set(namePrefix.getText()));
        model.namePrefixProperty().addListener((obs, was, now) -> namePrefix.setText(now));
        // Text typed but not entered belongs to the level it was typed at.
        model.prefixProperty().addListener((obs, was, now) -> namePrefix.setText(model.namePrefixProperty().get()));
        namePrefix.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !namePrefix.getText().isEmpty()) {
                namePrefix.clear();
                model.namePrefixProperty().set("");
                e.consume();
            }
        });
        namePrefix.disableProperty().bind(model.bucketProperty().isNull());

        TextField filter = new TextField();
        filter.setId("browserFilter");
        filter.setPromptText("Filter loaded rows (Ctrl+F)");
        filter.setTooltip(new Tooltip("Shows the loaded rows whose key contains this; Ctrl+A then selects them all"));
        filter.setPrefColumnCount(14);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                e.consume();
            }
        });
        accelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), filter::requestFocus);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(model.loadingProperty());
        Label status = new Label();
        status.setId("browserStatus");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("text-muted");
        status.setMinWidth(0);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelListing");
        cancel.setTooltip(new Tooltip("Stop listing; the rows loaded so far stay (Esc)"));
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setOnAction(e -> model.cancelListing());
        cancel.visibleProperty().bind(model.loadingProperty());
        cancel.managedProperty().bind(model.loadingProperty());

        Label shown = new Label();
        shown.setId("shownAndSelected");
        shown.textProperty().bind(model.shownAndSelectedProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label busyTable = BackgroundWorkNotice.of(model.filteringProperty(), tableOrder.sortingProperty());
        busyTable.setId("browserBusy");
        HBox bar = new HBox(8, namePrefix, filter, shown, spacer, busyTable, busy, status, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 6, 8));
        return bar;
    }

    private TableView<ListingEntry> createTable() {
        TableView<ListingEntry> table = new TableView<>();
        tableOrder = SortOnceListed.install(table, model.visibleRows(), model.loadingProperty(), model.tasks());
        table.setId("objectTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);

        TableColumn<ListingEntry, ListingEntry> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new BrowserCells.NameCell(model));
        name.setComparator((a, b) -> a.key().compareTo(b.key()));
        // Bounds keep the short columns short: the table shares its width out again when the versions columns
        // appear, and without them the dates and sizes would take the room the counts need.
        table.getColumns().add(sized(name, 150, 250, Double.MAX_VALUE));
        table.getColumns().add(sized(column("Version ID", e -> e instanceof ObjectVersion v ? v.versionId() : null),
                100, 180, 300));
        table.getColumns().add(sized(column("Latest", e -> e instanceof ObjectVersion v && v.versionId() != null
                ? (v.latest() ? "latest" : "") : null), 70, 70, 80));
        table.getColumns().add(sized(bytesColumn("Size", e -> e instanceof KeyHistory k && !k.deleted() ? k.size()
                : e instanceof ObjectVersion v && !v.deleteMarker() ? v.size()
                : e instanceof IncompleteUpload u && u.upload().parts() != null ? u.upload().bytes() : null),
                70, 80, 110));
        table.getColumns().add(sized(column("Last modified", e -> {
            Instant at = e instanceof KeyHistory k ? k.lastModified()
                    : e instanceof ObjectVersion v ? v.lastModified()
                    : e instanceof IncompleteUpload u ? u.upload().initiated() : null;
            return at == null ? null : TIME.format(at);
        }), 180, 180, 200));
        // The versions view's columns: on each key's row, what its history holds.
        TableColumn<ListingEntry, String> counts = column("Versions",
                e -> e instanceof KeyHistory k ? BrowserCells.versionCounts(k) : null);
        counts.setId("versionsColumn");
        TableColumn<ListingEntry, Long> noncurrentBytes = bytesColumn("Noncurrent size",
                e -> e instanceof KeyHistory k && k.noncurrent() > 0 ? k.noncurrentBytes() : null);
        noncurrentBytes.setId("noncurrentSizeColumn");
        sized(counts, 190, 210, Double.MAX_VALUE);
        sized(noncurrentBytes, 150, 150, Double.MAX_VALUE);
        for (TableColumn<ListingEntry, ?> versionsOnly : List.of(counts, noncurrentBytes)) {
            versionsOnly.visibleProperty().bind(model.showVersionsProperty());
            table.getColumns().add(versionsOnly);
        }

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ListingEntry>) c ->
                model.selection().setAll(table.getSelectionModel().getSelectedItems()));
        model.selectionToRestoreProperty().addListener((obs, was, now) -> SortOnceListed.select(table, now));
        table.setRowFactory(t -> {
            TableRow<ListingEntry> row = new BrowserCells.Row();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.enter(row.getItem());
                }
            });
            return row;
        });
        MenuItem selectAll = new MenuItem("Select all shown (Ctrl+A)");
        selectAll.setId("selectAllShown");
        selectAll.setOnAction(e -> table.getSelectionModel().selectAll());
        MenuItem copy = new MenuItem("Copy (Ctrl+C)");
        copy.setId("copyRows");
        copy.setOnAction(e -> copy(table));
        MenuItem restore = new MenuItem("Restore this version…");
        restore.setId("restoreVersion");
        restore.setOnAction(e -> model.restoreSelected());
        MenuItem abort = new MenuItem("Abort incomplete uploads…", new FontIcon(Material2AL.FILE_UPLOAD));
        abort.setId("abortUploadRows");
        abort.setOnAction(e -> model.uploads().abortInstead(List.copyOf(model.selection())));
        ContextMenu menu = new ContextMenu(selectAll, copy, restore, abort);
        menu.setOnShowing(e -> {
            // Only for exactly one older version: it is copied over its key and becomes current.
            restore.setDisable(!(model.selection().size() == 1 && model.selection().get(0) instanceof ObjectVersion v
                    && VersionRestorer.refusal(v) == null));
            abort.setDisable(BrowserUploads.in(model.selection()).isEmpty());
        });
        table.setContextMenu(menu);
        table.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copy(table);
            } else if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                model.enter(table.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                model.up();
            }
        });
        return table;
    }

    private static void copy(TableView<ListingEntry> table) {
        ClipboardContent content = new ClipboardContent();
        content.putString(RowsText.tabSeparated(table.getSelectionModel().getSelectedItems()));
        Clipboard.getSystemClipboard().setContent(content);
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

    /** A shortcut for the whole window, registered with whichever scene this view is put in. */
    private void accelerator(KeyCombination keys, Runnable action) {
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(keys, action);
            }
        });
    }

    private static Button iconButton(String id, Ikon icon, String tooltip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        return button;
    }

    private static <T> TableColumn<ListingEntry, T> sized(TableColumn<ListingEntry, T> column, double min,
                                                         double pref, double max) {
        column.setMinWidth(min);
        column.setPrefWidth(pref);
        column.setMaxWidth(max);
        return column;
    }

    private static TableColumn<ListingEntry, String> column(String title, Function<ListingEntry, String> value) {
        TableColumn<ListingEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** Holds bytes, so that it sorts by size; cells show them readable. */
    private static TableColumn<ListingEntry, Long> bytesColumn(String title, Function<ListingEntry, Long> value) {
        TableColumn<ListingEntry, Long> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new BrowserCells.SizeCell());
        return column;
    }
}
