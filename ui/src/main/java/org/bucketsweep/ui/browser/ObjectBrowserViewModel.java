package org.bucketsweep.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.CommonPrefix;
import org.bucketsweep.model.browse.KeyHistories;
import org.bucketsweep.model.browse.KeyHistories.GroupedPage;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ListingPage;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.concurrent.UiBatcher;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.table.FilteredRows;

/**
 * One level of a bucket: its folders and objects, or with {@link #showVersionsProperty()} each key's row (with the
 * counts of its versions) followed by every version and delete marker as its own row. Rows stream in page by page
 * and reach the UI thread in batches; a new listing cancels the one before it, and {@link #cancelListing()} stops
 * one and keeps what has arrived. Rows are the model's immutable records: no per-row properties.
 */
public final class ObjectBrowserViewModel {

    /**
     * Rows added to the table at a time: a listing that outruns the JavaFX thread waits in the hand-over instead of
     * arriving as one big batch that delays the next pulse (docs/benchmarks.md, UI responsiveness).
     */
    static final int ROWS_PER_HAND_OVER = 5_000;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ListedRows listed = new ListedRows(this::revised);
    private final BrowserUploads uploads;
    private final ObservableList<ListingEntry> rows = listed.list();
    private final FilteredRows<ListingEntry> visibleRows;
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty namePrefix = new SimpleStringProperty("");
    private final BooleanProperty deletedOnly = new SimpleBooleanProperty();
    private final ObjectProperty<List<ListingEntry>> selectionToRestore = new SimpleObjectProperty<>(List.of());
    private final ObservableList<ListingEntry> selection = FXCollections.observableArrayList();
    private final ObservableList<Crumb> breadcrumbs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BucketSummary> bucket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper prefix = new ReadOnlyStringWrapper("");
    private final BooleanProperty showVersions = new SimpleBooleanProperty();
    private final BooleanProperty flat = new SimpleBooleanProperty();
    private final FolderHistory history = new FolderHistory();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper listingEmptyText = new ReadOnlyStringWrapper("Choose a bucket on the left.");
    private final StringBinding emptyText;
    private final StringBinding shownAndSelected;
    private BucketBrowser browser;
    private Consumer<ObjectVersion> onRestore = version -> { };
    private CancellationToken currentListing = new CancellationToken();
    private boolean navigating;

    public ObjectBrowserViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.uploads = new BrowserUploads(tasks, dialogs);
        this.visibleRows = new FilteredRows<>(rows, tasks);
        showVersions.addListener((obs, was, now) -> {
            if (!now) {
                deletedOnly.set(false);
            }
            refresh();
        });
        deletedOnly.addListener((obs, was, now) -> {
            visibleRows.setPredicate(listed.shownWhen(filter.get(), now));
            if (now && !showVersions.get()) {
                // Deleted keys only show up in a versions listing: a plain listing leaves them out.
                showVersions.set(true);
            }
        });
        flat.addListener((obs, was, now) -> refresh());
        filter.addListener((obs, was, now) -> visibleRows.setPredicate(listed.shownWhen(now, deletedOnly.get())));
        namePrefix.addListener((obs, was, now) -> {
            if (!navigating) {
                refresh();
            }
        });
        emptyText = RowsText.emptyText(rows, visibleRows.rows(), deletedOnly, listingEmptyText);
        shownAndSelected = RowsText.shownAndSelected(rows, visibleRows.rows(), selection);
    }

    public void connect(BucketBrowser newBrowser) {
        this.browser = newBrowser;
        open(null);
    }

    /** Shows the top level of {@code newBucket}; {@code null} clears the view. */
    public void open(BucketSummary newBucket) {
        bucket.set(newBucket);
        history.clear();
        show("");
    }

    /** Goes to a folder of the current bucket ("" for the top); Back returns here. */
    public void navigateTo(String newPrefix) {
        String target = newPrefix == null ? "" : newPrefix;
        history.went(prefix.get(), target);
        show(target);
    }

    /** Alt+Left: the folder shown before. */
    public void goBack() {
        String target = history.back(prefix.get());
        if (target != null) {
            show(target);
        }
    }

    /** Alt+Right: the folder left with Back. */
    public void goForward() {
        String target = history.forward(prefix.get());
        if (target != null) {
            show(target);
        }
    }

    private void show(String newPrefix) {
        // A name prefix narrows one level: a new level starts without one.
        navigating = true;
        try {
            namePrefix.set("");
        } finally {
            navigating = false;
        }
        prefix.set(newPrefix);
        breadcrumbs.setAll(Crumb.trail(bucket.get(), newPrefix));
        refresh();
    }

    /** Opens a folder row; does nothing for an object row. */
    public void enter(ListingEntry entry) {
        if (entry instanceof CommonPrefix folder) {
            navigateTo(folder.key());
        }
    }

    /** One level up; at the top, stays there. */
    public void up() {
        if (!prefix.get().isEmpty()) {
            navigateTo(Crumb.parent(prefix.get()));
        }
    }

    /** Lists the current level again; rows that were selected and still exist are selected again. */
    public void refresh() {
        Set<RowId> reselect = selection.stream().map(RowId::of).collect(Collectors.toSet());
        currentListing.cancel();
        listed.clear(showVersions.get());
        selection.clear();
        BucketSummary b = bucket.get();
        if (browser == null || b == null) {
            loading.set(false);
            status.set("");
            listingEmptyText.set(browser == null ? "Not connected." : "Choose a bucket on the left.");
            return;
        }
        CancellationToken token = new CancellationToken();
        currentListing = token;
        BucketBrowser source = browser;
        String folder = prefix.get();
        // The name prefix goes to S3 as part of Prefix: only matching keys are listed at all.
        String listedPrefix = folder + namePrefix.get();
        boolean versions = showVersions.get();
        boolean allDepths = flat.get();
        KeyHistories histories = new KeyHistories();
        UiBatcher<GroupedPage> batcher = new UiBatcher<>(tasks.ui(), ROWS_PER_HAND_OVER, page -> page.rows().size(),
                pages -> {
                    if (!token.isCancelled()) {
                        listed.append(pages);
                        status.set(String.format(Locale.ROOT, "%,d rows loaded…", rows.size()));
                    }
                });
        loading.set(true);
        listingEmptyText.set("Loading…");
        status.set("Listing…");
        uploads.list(b.name(), listedPrefix, allDepths, token, listed, status::set);
        tasks.run("list " + b.name() + "/" + listedPrefix, () -> {
            Consumer<ListingPage> sink = page -> batcher.addAll(List.of(
                    versions ? histories.add(page) : new GroupedPage(null, page.entries())));
            if (!allDepths) {
                source.listLevel(b.name(), listedPrefix, versions, sink, token);
            } else if (versions) {
                source.listAllVersions(b.name(), listedPrefix, sink, token);
            } else {
                source.listAllCurrent(b.name(), listedPrefix, sink, token);
            }
            return null;
        }, done -> batcher.whenHandedOver(() -> {
            // Complete once the last rows are in the table, not when the last page arrived.
            if (token.isCancelled()) {
                return;
            }
            loading.set(false);
            status.set(listed.describe());
            uploads.objectsListed(token);
            if (!reselect.isEmpty()) {
                restoreSelection(rows.stream().filter(r -> reselect.contains(RowId.of(r))).toList());
            }
            listingEmptyText.set(!namePrefix.get().isEmpty() ? "No key here starts with “" + namePrefix.get() + "”."
                    : folder.isEmpty() ? "This bucket is empty." : "This folder is empty.");
        }), error -> {
            if (token.isCancelled()) {
                return;
            }
            loading.set(false);
            S3Failure failure = S3Failure.of(error);
            status.set("Listing failed: " + failure.summary());
            listingEmptyText.set("Could not list " + b.name() + ": " + failure.summary());
            dialogs.showFailure("Could not list " + b.name(), failure, error);
        });
    }

    /** Esc: stops the listing after the page in flight; the rows loaded so far stay. */
    public void cancelListing() {
        if (!loading.get()) {
            return;
        }
        currentListing.cancel();
        loading.set(false);
        status.set(String.format(Locale.ROOT, "Stopped after %,d rows (F5 lists again): %s", rows.size(),
                listed.describe()));
        listingEmptyText.set("Listing stopped.");
    }

    /**
     * A key that fills whole pages gets its revised row in place of the one shown. A TableView drops its whole
     * selection when one of its items is replaced: the rows selected before are selected again after it.
     */
    private Runnable revised(ListingEntry old, KeyHistory revised) {
        List<ListingEntry> selected = selection.stream().map(e -> e == old ? revised : e).toList();
        return () -> {
            if (!selected.isEmpty()) {
                restoreSelection(selected);
            }
        };
    }

    private void restoreSelection(List<ListingEntry> selected) {
        // Rows are records: an equal list would not count as a change, and the view would not hear of it.
        selectionToRestore.set(List.of());
        selectionToRestore.set(selected);
    }

    /** The selected rows that can be deleted: objects, versions and delete markers (folders are skipped). */
    public List<ObjectVersion> selectedObjects() {
        List<ObjectVersion> objects = new ArrayList<>();
        for (ListingEntry e : selection) {
            if (e instanceof ObjectVersion v) {
                objects.add(v);
            } else if (e instanceof KeyHistory key) {
                objects.add(key.asCurrentObject());
            }
        }
        return objects;
    }

    /** What "Restore this version…" does; the main window sets it. */
    public void setOnRestore(Consumer<ObjectVersion> action) {
        onRestore = action;
    }

    /** Offers to make the one selected older version current again. */
    public void restoreSelected() {
        if (selection.size() == 1 && selection.get(0) instanceof ObjectVersion v && v.versionId() != null) {
            onRestore.accept(v);
        }
    }

    /** Whether a row is the key itself (deleting it adds a delete marker) rather than one of its versions. */
    public static boolean isKeyRow(ListingEntry entry) {
        return entry instanceof KeyHistory || entry instanceof ObjectVersion v && v.versionId() == null;
    }

    public BrowserUploads uploads() {
        return uploads;
    }

    public ObservableList<ListingEntry> rows() {
        return rows;
    }

    /** Where the view runs its table's sorts, off the UI thread. */
    public TaskRunner tasks() {
        return tasks;
    }

    /** The rows the table shows: those matching the filter. */
    public ObservableList<ListingEntry> visibleRows() {
        return visibleRows.rows();
    }

    /** Whether a new filter is applied in the background, the table showing the former one's rows meanwhile. */
    public ReadOnlyBooleanProperty filteringProperty() {
        return visibleRows.filteringProperty();
    }

    /** Narrows the loaded rows by a substring of the key (Ctrl+F). */
    public StringProperty filterProperty() {
        return filter;
    }

    /**
     * Lists only the keys of the current level whose name starts with this: sent to S3 as part of Prefix, so it
     * narrows what is listed, not just what is shown. Cleared when another level is shown.
     */
    public StringProperty namePrefixProperty() {
        return namePrefix;
    }

    /** Only keys whose latest version is a delete marker (and their versions), to bring keys back. */
    public BooleanProperty deletedOnlyProperty() {
        return deletedOnly;
    }

    /** After a refresh, or a revised key row, the rows the view should select (these rows' own instances). */
    public ReadOnlyObjectProperty<List<ListingEntry>> selectionToRestoreProperty() {
        return selectionToRestore;
    }

    /** The view keeps this in step with the table's selection. */
    public ObservableList<ListingEntry> selection() {
        return selection;
    }

    public ObservableList<Crumb> breadcrumbs() {
        return breadcrumbs;
    }

    public ReadOnlyObjectProperty<BucketSummary> bucketProperty() {
        return bucket.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty prefixProperty() {
        return prefix.getReadOnlyProperty();
    }

    public BooleanProperty showVersionsProperty() {
        return showVersions;
    }

    /** Every key under the folder, at all depths, instead of one level. */
    public BooleanProperty flatProperty() {
        return flat;
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return history.canGoBackProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return history.canGoForwardProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Counts, or progress while listing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "19 of 100 shown · 19 selected": what the filter leaves and what Ctrl+A took; empty when neither applies. */
    public StringBinding shownAndSelectedProperty() {
        return shownAndSelected;
    }

    /** What the table says when it shows no row. */
    public StringBinding emptyTextProperty() {
        return emptyText;
    }
}
