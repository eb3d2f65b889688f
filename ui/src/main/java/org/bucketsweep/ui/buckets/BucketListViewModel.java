package org.bucketsweep.ui.buckets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
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
import org.bucketsweep.model.browse.ObjectLockStatus;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.concurrent.UiBatcher;
import org.bucketsweep.ui.dialog.DialogService;

/** The buckets of the current connection, with their versioning and MFA Delete status. */
public final class BucketListViewModel {

    /** Status calls are small: a few in flight keep a long bucket list quick without flooding the server. */
    private static final int STATUS_CALLS_IN_FLIGHT = 6;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private Consumer<BucketSummary> onShowLifecycle = bucket -> { };
    private final ObservableList<BucketSummary> buckets = FXCollections.observableArrayList();
    private final ObjectProperty<BucketSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Not connected.");
    private BucketBrowser browser;
    private Consumer<BucketSummary> onEmptyAndDelete = bucket -> { };

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

    /**
     * Lists the buckets again; the selection stays on the same bucket if it still exists. The names show at once;
     * versioning, MFA Delete and Object Lock follow, a few buckets at a time, as each answer arrives.
     */
    public void refresh() {
        if (browser == null) {
            return;
        }
        BucketBrowser source = browser;
        String selectedName = selected.get() == null ? null : selected.get().name();
        loading.set(true);
        emptyText.set("Loading buckets…");
        tasks.run("list buckets", source::listBuckets, list -> {
            if (source != browser) {
                return;
            }
            buckets.setAll(list);
            emptyText.set("No buckets on this connection.");
            list.stream().filter(b -> b.name().equals(selectedName)).findFirst().ifPresent(selected::set);
            fetchStatuses(source, list);
        }, error -> {
            loading.set(false);
            S3Failure failure = S3Failure.of(error);
            emptyText.set("Could not list buckets: " + failure.summary());
            dialogs.showFailure("Could not list buckets", failure, error);
        });
    }

    private void fetchStatuses(BucketBrowser source, List<BucketSummary> names) {
        UiBatcher<BucketSummary> batcher = new UiBatcher<>(tasks.ui(), updated -> {
            if (source == browser) {
                updated.forEach(this::replace);
            }
        });
        tasks.run("bucket statuses", () -> {
            ExecutorService pool = Executors.newFixedThreadPool(STATUS_CALLS_IN_FLIGHT, r -> {
                Thread t = new Thread(r, "bucket-status");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (BucketSummary bucket : names) {
                    calls.add(pool.submit(() -> batcher.addAll(List.of(withStatus(source, bucket)))));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return null;
        }, done -> {
            batcher.flush();
            loading.set(false);
        }, error -> {
            batcher.flush();
            loading.set(false);
        });
    }

    private void replace(BucketSummary updated) {
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).name().equals(updated.name())) {
                boolean wasSelected = selected.get() != null && selected.get().name().equals(updated.name());
                buckets.set(i, updated);
                if (wasSelected) {
                    selected.set(updated);
                }
                return;
            }
        }
    }

    private static BucketSummary withStatus(BucketBrowser source, BucketSummary bucket) {
        // Each status on its own: a server that cannot answer one question may well answer the other, and a
        // bucket that vanished since the list was made shows as unknown rather than failing the list.
        BucketVersioning versioning;
        try {
            versioning = source.versioningOf(bucket.name());
        } catch (RuntimeException e) {
            versioning = BucketVersioning.UNKNOWN;
        }
        ObjectLockStatus lock;
        try {
            lock = source.objectLockOf(bucket.name());
        } catch (RuntimeException e) {
            lock = ObjectLockStatus.UNKNOWN;
        }
        return bucket.withStatus(versioning, lock);
    }

    /** What "Empty and delete bucket…" does; the main window sets it. */
    public void setOnEmptyAndDelete(Consumer<BucketSummary> action) {
        onEmptyAndDelete = action;
    }

    /** Offers to empty and delete the selected bucket (after a preview and the typed name). */
    public void emptyAndDeleteSelected() {
        if (selected.get() != null) {
            onEmptyAndDelete.accept(selected.get());
        }
    }

    /** What "Lifecycle rules…" in a bucket's context menu opens. */
    public void setOnShowLifecycle(Consumer<BucketSummary> handler) {
        this.onShowLifecycle = handler;
    }

    /** Opens the lifecycle rules of {@code bucket}: list, add, and remove BucketSweep's. */
    public void showLifecycle(BucketSummary bucket) {
        if (bucket != null) {
            onShowLifecycle.accept(bucket);
        }
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
