package org.bucketsweep.ui.buckets;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.DialogService;

/** The buckets of the current connection, with their versioning and MFA Delete status. */
public final class BucketListViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableList<BucketSummary> buckets = FXCollections.observableArrayList();
    private final ObjectProperty<BucketSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Not connected.");
    private BucketBrowser browser;

    public BucketListViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Shows the buckets reachable through {@code newBrowser}; {@code null} when disconnected. */
    public void connect(BucketBrowser newBrowser) {
        this.browser = newBrowser;
        buckets.clear();
        selected.set(null);
        if (newBrowser == null) {
            emptyText.set("Not connected.");
            return;
        }
        refresh();
    }

    /** Lists the buckets again; the selection stays on the same bucket if it still exists. */
    public void refresh() {
        if (browser == null) {
            return;
        }
        BucketBrowser source = browser;
        String selectedName = selected.get() == null ? null : selected.get().name();
        loading.set(true);
        emptyText.set("Loading buckets…");
        tasks.run("list buckets", () -> withStatuses(source), list -> {
            if (source != browser) {
                return;
            }
            loading.set(false);
            buckets.setAll(list);
            emptyText.set("No buckets on this connection.");
            list.stream().filter(b -> b.name().equals(selectedName)).findFirst().ifPresent(selected::set);
        }, error -> {
            loading.set(false);
            S3Failure failure = S3Failure.of(error);
            emptyText.set("Could not list buckets: " + failure.summary());
            dialogs.showFailure("Could not list buckets", failure, error);
        });
    }

    private static List<BucketSummary> withStatuses(BucketBrowser source) {
        List<BucketSummary> result = new ArrayList<>();
        for (BucketSummary bucket : source.listBuckets()) {
            BucketVersioning status;
            try {
                status = source.versioningOf(bucket.name());
            } catch (RuntimeException e) {
                // A bucket that vanished since the list was made: show it as unknown rather than fail the list.
                status = BucketVersioning.UNKNOWN;
            }
            result.add(bucket.withStatus(status));
        }
        return result;
    }

    public ObservableList<BucketSummary> buckets() {
        return buckets;
    }

    public ObjectProperty<BucketSummary> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the empty list says: not connected, loading, none, or why listing failed. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }
}
