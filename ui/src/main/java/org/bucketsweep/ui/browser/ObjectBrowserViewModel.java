package org.bucketsweep.ui.browser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.List;
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
import javafx.collections.transformation.FilteredList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.CommonPrefix;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ListingPage;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.concurrent.UiBatcher;
import org.bucketsweep.ui.dialog.DialogService;

/**
 * One level of a bucket: its folders and objects, or with {@link #showVersionsProperty()} every version and delete
 * marker as its own row. Rows stream in page by page; a new listing cancels the one before it.
 */
public final class ObjectBrowserViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableList<ListingEntry> rows = FXCollections.observableArrayList();
    private final FilteredList<ListingEntry> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<List<ListingEntry>> selectionToRestore = new SimpleObjectProperty<>(List.of());
    private final ObservableList<ListingEntry> selection = FXCollections.observableArrayList();
    private final ObservableList<Crumb> breadcrumbs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BucketSummary> bucket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper prefix = new ReadOnlyStringWrapper("");
    private final BooleanProperty showVersions = new SimpleBooleanProperty();
    private final BooleanProperty flat = new SimpleBooleanProperty();
    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Choose a bucket on the left.");
    private BucketBrowser browser;
    private CancellationToken currentListing = new CancellationToken();

    public ObjectBrowserViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        showVersions.addListener((obs, was, now) -> refresh());
        flat.addListener((obs, was, now) -> refresh());
        filter.addListener((obs, was, now) -> visibleRows.setPredicate(matching(now)));
    }

    /** Case-insensitive substring of the key; in the versions view a key's versions follow their key. */
    private static Predicate<ListingEntry> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return entry -> entry.key().toLowerCase(Locale.ROOT).contains(needle);
    }

    public void connect(BucketBrowser newBrowser) {
        this.browser = newBrowser;
        open(null);
    }

    /** Shows the top level of {@code newBucket}; {@code null} clears the view. */
    public void open(BucketSummary newBucket) {
        bucket.set(newBucket);
        back.clear();
        forward.clear();
        show("");
    }

    /** Goes to a folder of the current bucket ("" for the top); Back returns here. */
    public void navigateTo(String newPrefix) {
        String target = newPrefix == null ? "" : newPrefix;
        if (!target.equals(prefix.get())) {
            back.push(prefix.get());
            forward.clear();
        }
        show(target);
    }

    /** Alt+Left: the folder shown before. */
    public void goBack() {
        if (!back.isEmpty()) {
            forward.push(prefix.get());
            show(back.pop());
        }
    }

    /** Alt+Right: the folder left with Back. */
    public void goForward() {
        if (!forward.isEmpty()) {
            back.push(prefix.get());
            show(forward.pop());
        }
    }

    private void show(String newPrefix) {
        prefix.set(newPrefix);
        breadcrumbs.setAll(crumbsFor(bucket.get(), newPrefix));
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
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
        String p = prefix.get();
        if (p.isEmpty()) {
            return;
        }
        String withoutSlash = p.substring(0, p.length() - 1);
        int cut = withoutSlash.lastIndexOf('/');
        navigateTo(cut < 0 ? "" : withoutSlash.substring(0, cut + 1));
    }

    /** Lists the current level again; rows that were selected and still exist are selected again. */
    public void refresh() {
        Set<ListingEntry> reselect = new HashSet<>(selection);
        currentListing.cancel();
        rows.clear();
        selection.clear();
        BucketSummary b = bucket.get();
        if (browser == null || b == null) {
            loading.set(false);
            status.set("");
            emptyText.set(browser == null ? "Not connected." : "Choose a bucket on the left.");
            return;
        }
        CancellationToken token = new CancellationToken();
        currentListing = token;
        BucketBrowser source = browser;
        String listedPrefix = prefix.get();
        boolean versions = showVersions.get();
        boolean allDepths = flat.get();
        KeyRows keyRows = new KeyRows();
        UiBatcher<ListingEntry> batcher = new UiBatcher<>(tasks.ui(), page -> {
            if (!token.isCancelled()) {
                rows.addAll(page);
                status.set(rows.size() + " rows loaded…");
            }
        });
        loading.set(true);
        emptyText.set("Loading…");
        status.set("Listing…");
        tasks.run("list " + b.name() + "/" + listedPrefix, () -> {
            Consumer<ListingPage> sink =
                    page -> batcher.addAll(versions ? keyRows.insertInto(page.entries()) : page.entries());
            if (!allDepths) {
                source.listLevel(b.name(), listedPrefix, versions, sink, token);
            } else if (versions) {
                source.listAllVersions(b.name(), listedPrefix, sink, token);
            } else {
                source.listAllCurrent(b.name(), listedPrefix, sink, token);
            }
            return null;
        }, done -> {
            if (token.isCancelled()) {
                return;
            }
            batcher.flush();
            loading.set(false);
            status.set(describe(rows, versions));
            if (!reselect.isEmpty()) {
                selectionToRestore.set(rows.stream().filter(reselect::contains).toList());
            }
            emptyText.set(listedPrefix.isEmpty() ? "This bucket is empty." : "This folder is empty.");
        }, error -> {
            if (token.isCancelled()) {
                return;
            }
            loading.set(false);
            S3Failure failure = S3Failure.of(error);
            status.set("Listing failed: " + failure.summary());
            emptyText.set("Could not list " + b.name() + ": " + failure.summary());
            dialogs.showFailure("Could not list " + b.name(), failure, error);
        });
    }

    /** The selected rows that can be deleted: objects, versions and delete markers (folders are skipped). */
    public List<ObjectVersion> selectedObjects() {
        List<ObjectVersion> objects = new ArrayList<>();
        for (ListingEntry e : selection) {
            if (e instanceof ObjectVersion v) {
                objects.add(v);
            }
        }
        return objects;
    }

    /** Whether a row is the key itself (deleting it adds a delete marker) rather than one of its versions. */
    public static boolean isKeyRow(ListingEntry entry) {
        return entry instanceof ObjectVersion v && v.versionId() == null;
    }

    /**
     * In the versions view, puts a row for the key itself before the key's versions, so that one selection can hold
     * both "this key" (a delete marker will be added) and "these versions" (deleted for good). Keeps its place
     * across pages, since one key's versions can span two pages.
     */
    static final class KeyRows {
        private String lastKey;

        List<ListingEntry> insertInto(List<ListingEntry> page) {
            List<ListingEntry> out = new ArrayList<>(page.size() + page.size() / 2);
            for (ListingEntry e : page) {
                if (e instanceof ObjectVersion v && !v.key().equals(lastKey)) {
                    lastKey = v.key();
                    // S3 lists a key's latest version first: the key row shows its size and date, and whether
                    // the key is deleted (its latest version is a delete marker).
                    out.add(new ObjectVersion(v.key(), null, true, v.deleteMarker(), v.size(), v.lastModified()));
                }
                out.add(e);
            }
            return out;
        }
    }

    static List<Crumb> crumbsFor(BucketSummary bucket, String prefix) {
        List<Crumb> crumbs = new ArrayList<>();
        if (bucket == null) {
            return crumbs;
        }
        crumbs.add(new Crumb(bucket.name(), ""));
        int start = 0;
        int slash;
        while ((slash = prefix.indexOf('/', start)) >= 0) {
            // "a//b/" has an empty segment: show it as "/" so every level stays reachable.
            String segment = prefix.substring(start, slash);
            crumbs.add(new Crumb(segment.isEmpty() ? "/" : segment, prefix.substring(0, slash + 1)));
            start = slash + 1;
        }
        return crumbs;
    }

    private static String describe(List<ListingEntry> rows, boolean versions) {
        long folders = rows.stream().filter(r -> !(r instanceof ObjectVersion)).count();
        long markers = rows.stream()
                .filter(r -> r instanceof ObjectVersion v && v.deleteMarker() && v.versionId() != null).count();
        long keyRows = versions ? rows.stream().filter(ObjectBrowserViewModel::isKeyRow).count() : 0;
        long objects = rows.size() - folders - markers - keyRows;
        StringBuilder text = new StringBuilder();
        text.append(folders).append(folders == 1 ? " folder, " : " folders, ");
        if (versions) {
            text.append(keyRows).append(keyRows == 1 ? " key, " : " keys, ");
        }
        text.append(objects).append(versions ? (objects == 1 ? " version" : " versions")
                : (objects == 1 ? " object" : " objects"));
        if (markers > 0) {
            text.append(", ").append(markers).append(markers == 1 ? " delete marker" : " delete markers");
        }
        return text.toString();
    }

    public ObservableList<ListingEntry> rows() {
        return rows;
    }

    /** The rows the table shows: those matching the filter. */
    public ObservableList<ListingEntry> visibleRows() {
        return visibleRows;
    }

    /** Narrows the loaded rows by a substring of the key (Ctrl+F). */
    public StringProperty filterProperty() {
        return filter;
    }

    /** After a refresh, the rows the view should select again. */
    public ReadOnlyObjectProperty<List<ListingEntry>> selectionToRestoreProperty() {
        return selectionToRestore;
    }

    /** Tab-separated lines for the clipboard: key, version id, latest, delete marker, size, last modified. */
    public static String copyText(List<ListingEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (ListingEntry e : entries) {
            if (e instanceof ObjectVersion v) {
                text.append(v.key()).append('\t').append(v.versionId() == null ? "" : v.versionId()).append('\t')
                        .append(v.latest()).append('\t').append(v.deleteMarker()).append('\t').append(v.size())
                        .append('\t').append(v.lastModified() == null ? "" : v.lastModified()).append('\n');
            } else {
                text.append(e.key()).append('\n');
            }
        }
        return text.toString();
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
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Counts, or progress while listing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }
}
