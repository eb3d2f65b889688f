package org.bucketsweep.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
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
 * key besides its versions. Optionally the table is sorted by name first, as a click on the column header does.
 */
final class BrowserStreaming extends WindowScenario {

    private final TaskRunner tasks;
    private final ConfirmingDialogs dialogs;
    private final S3Connection connection;
    private final ListingFixtures.Fixture fixture;
    private final boolean versions;
    private final boolean sortedByName;
    private ObjectBrowserViewModel browser;

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
        if (sortedByName) {
            @SuppressWarnings("unchecked")
            TableView<ListingEntry> table = (TableView<ListingEntry>) view.lookup("#objectTable");
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

}
