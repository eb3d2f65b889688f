package org.bucketsweep.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.ui.browser.ObjectBrowserView;
import org.bucketsweep.ui.browser.ObjectBrowserViewModel;
import org.bucketsweep.ui.concurrent.TaskRunner;

/**
 * A big listing streaming into the real object browser at all depths: the view model lists with the app's
 * {@link BucketBrowser} in the background and adds the pages in batches; with versions shown, with a row for each
 * key besides its versions. Optionally the table is sorted by name first, as a click on the column header does; once
 * listed, a click on the Size header can be measured too.
 */
final class BrowserStreaming extends WindowScenario {

    private final TaskRunner tasks;
    private final ConfirmingDialogs dialogs;
    private final S3Connection connection;
    private final ListingFixtures.Fixture fixture;
    private final boolean versions;
    private final boolean sortedByName;
    private ObjectBrowserViewModel browser;
    private TableView<ListingEntry> table;

    BrowserStreaming(TaskRunner tasks, ConfirmingDialogs dialogs, S3Connection connection,
                     ListingFixtures.Fixture fixture, boolean versions, boolean sortedByName) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.connection = connection;
        this.fixture = fixture;
        this.versions = versions;
        this.sortedByName = sortedByName;
    }

    @Override
    Parent createView() {
        browser = new ObjectBrowserViewModel(tasks, dialogs);
        ObjectBrowserView view = new ObjectBrowserView(browser);
        browser.connect(new BucketBrowser(connection));
        browser.flatProperty().set(true);
        browser.showVersionsProperty().set(versions);
        @SuppressWarnings("unchecked")
        TableView<ListingEntry> objects = (TableView<ListingEntry>) view.lookup("#objectTable");
        table = objects;
        if (sortedByName) {
            table.getSortOrder().setAll(List.of(table.getColumns().get(0)));
        }
        return view;
    }

    @Override
    String label() {
        return versions
                ? String.format(Locale.ROOT, "Object browser: %,d versions and delete markers listed at all depths,"
                        + " with versions%s", fixture.entries(), sortedByName ? ", sorted by name" : "")
                : String.format(Locale.ROOT, "Object browser: %,d objects listed at all depths%s", fixture.entries(),
                        sortedByName ? ", sorted by name (a click on the column header)" : "");
    }

    /** Each version and marker, and with versions shown a row for each key. */
    @Override
    int rows() {
        return versions ? fixture.entries() + fixture.keys() : fixture.entries();
    }

    PulseRecorder.PulseGaps runOnce() throws Exception {
        BucketSummary bucket = new BucketSummary(fixture.bucket(), Instant.now(),
                new BucketVersioning(VersioningStatus.ENABLED, MfaDeleteStatus.DISABLED));
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        ChangeListener<Boolean> whenLoaded = (obs, was, loading) -> {
            if (!loading) {
                loaded.complete(null);
            }
        };
        PulseRecorder.PulseGaps gaps = record(() -> {
            browser.loadingProperty().addListener(whenLoaded);
            browser.open(bucket);
        }, loaded);
        int shown = FxThread.call(() -> {
            browser.loadingProperty().removeListener(whenLoaded);
            return browser.rows().size();
        });
        String failure = dialogs.takeFailure();
        if (failure != null || shown != rows()) {
            throw new IllegalStateException("the browser shows " + shown + " rows of " + rows()
                    + (failure == null ? "" : "; " + failure));
        }
        return gaps;
    }

    /** What {@link #sortBySize()} measures. */
    String sortLabel() {
        return String.format(Locale.ROOT, "Object browser: a click on the Size header (largest first) once the %,d"
                + " rows are listed", rows());
    }

    /**
     * After {@link #runOnce()}: a click on the Size column's header, largest first, as a person looking for where the
     * space goes makes, recorded until the table shows the rows in that order.
     */
    PulseRecorder.PulseGaps sortBySize() throws Exception {
        TableColumn<ListingEntry, ?> size = FxThread.call(() -> table.getColumns().stream()
                .filter(c -> c.getText().equals("Size")).findFirst().orElseThrow());
        CompletableFuture<Void> sorted = new CompletableFuture<>();
        InvalidationListener whenSorted = o -> {
            if (table.getItems() != browser.visibleRows()) {
                sorted.complete(null);
            }
        };
        PulseRecorder.PulseGaps gaps = record(() -> {
            table.itemsProperty().addListener(whenSorted);
            size.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(size));
            whenSorted.invalidated(table.itemsProperty());
        }, sorted);
        int shown = FxThread.call(() -> {
            table.itemsProperty().removeListener(whenSorted);
            return table.getItems().size();
        });
        if (shown != rows()) {
            throw new IllegalStateException("the sorted table shows " + shown + " rows of " + rows());
        }
        return gaps;
    }

    /** What {@link #filterBy(String)} measures: the text pasted, or "" for the filter cleared. */
    String filterLabel(String text) {
        return text.isEmpty()
                ? String.format(Locale.ROOT, "Object browser, sorted by size: the filter cleared, back to the %,d rows",
                        rows())
                : String.format(Locale.ROOT, "Object browser, sorted by size: \"%s\" pasted into the filter, which"
                        + " leaves 1 %% of the %,d rows", text, rows());
    }

    /**
     * After {@link #sortBySize()}: {@code text} put into the filter field at once, as a paste does (or the field
     * cleared), recorded until the table shows the rows the filter leaves, sorted.
     */
    PulseRecorder.PulseGaps filterBy(String text) throws Exception {
        String needle = text.toLowerCase(Locale.ROOT);
        long expected = FxThread.call(() -> browser.rows().stream()
                .filter(r -> r.key().toLowerCase(Locale.ROOT).contains(needle)).count());
        CompletableFuture<Void> filtered = new CompletableFuture<>();
        InvalidationListener whenFiltered = o -> {
            if (table.getItems() != browser.visibleRows() && table.getItems().size() == expected) {
                filtered.complete(null);
            }
        };
        PulseRecorder.PulseGaps gaps = record(() -> {
            table.itemsProperty().addListener(whenFiltered);
            browser.filterProperty().set(text);
        }, filtered);
        FxThread.run(() -> table.itemsProperty().removeListener(whenFiltered));
        return gaps;
    }
}
