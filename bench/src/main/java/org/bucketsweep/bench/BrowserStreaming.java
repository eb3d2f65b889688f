package org.bucketsweep.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.ui.browser.ObjectBrowserView;
import org.bucketsweep.ui.browser.ObjectBrowserViewModel;
import org.bucketsweep.ui.concurrent.TaskRunner;

/**
 * A big listing streaming into the real object browser, in its all-depths, show-versions mode: the view model lists
 * with the app's {@link BucketBrowser} in the background and adds the pages in batches, with a row for each key.
 */
final class BrowserStreaming extends WindowScenario {

    private final TaskRunner tasks;
    private final ConfirmingDialogs dialogs;
    private final S3Connection connection;
    private final ListingFixtures.Fixture fixture;
    private ObjectBrowserViewModel browser;

    BrowserStreaming(TaskRunner tasks, ConfirmingDialogs dialogs, S3Connection connection,
                     ListingFixtures.Fixture fixture) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.connection = connection;
        this.fixture = fixture;
    }

    @Override
    Parent createView() {
        browser = new ObjectBrowserViewModel(tasks, dialogs);
        ObjectBrowserView view = new ObjectBrowserView(browser);
        browser.connect(new BucketBrowser(connection));
        browser.flatProperty().set(true);
        browser.showVersionsProperty().set(true);
        return view;
    }

    @Override
    String label() {
        return String.format(Locale.ROOT, "Object browser: %,d versions and delete markers listed at all depths,"
                + " with versions", fixture.entries());
    }

    /** Each version and marker, and a row for each key. */
    @Override
    int rows() {
        return fixture.entries() + fixture.keys();
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

    /** Empties the view between runs, as choosing no bucket does. */
    void clear() throws Exception {
        FxThread.run(() -> browser.open(null));
    }
}
