package org.bucketsweep.ui.uploads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.uploads.AbortOutcome;
import org.bucketsweep.model.uploads.AbortResult;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.model.uploads.UploadAborter;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.concurrent.UiBatcher;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.format.Sizes;

/**
 * The incomplete multipart uploads under the browser's folder: listed with their parts' bytes when the panel is
 * shown, selected by hand or by age, aborted after a confirmation, with one outcome per upload in its row.
 */
public final class UploadsViewModel {

    /** Days used by "Select older than" until the person picks another number: a week-old upload is abandoned. */
    public static final int DEFAULT_DAYS = 7;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final ObservableList<UploadRow> rows = FXCollections.observableArrayList();
    private final ObservableList<UploadRow> selection = FXCollections.observableArrayList();
    private final ObjectProperty<List<UploadRow>> selectionToRestore = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty olderThanDays = new SimpleIntegerProperty(DEFAULT_DAYS);
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper aborting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper revealed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Choose a bucket on the left.");
    private final BooleanBinding canAbort;
    private MultipartUploads uploads;
    private String bucket;
    private String prefix = "";
    private boolean stale = true;
    private CancellationToken current = new CancellationToken();

    public UploadsViewModel(TaskRunner tasks, DialogService dialogs) {
        this(tasks, dialogs, Clock.systemUTC());
    }

    public UploadsViewModel(TaskRunner tasks, DialogService dialogs, Clock clock) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        canAbort = Bindings.createBooleanBinding(() -> !aborting.get() && !loading.get()
                && selection.stream().anyMatch(UploadRow::abortable), selection, aborting, loading);
        shown.addListener((obs, was, now) -> {
            if (now && stale) {
                refresh();
            }
        });
    }

    public void connect(MultipartUploads newUploads) {
        uploads = newUploads;
        show(null, "");
    }

    /**
     * Follows the browser: the uploads under this bucket and folder. Listed now when the panel is shown, else the
     * next time it is.
     */
    public void show(String newBucket, String newPrefix) {
        String p = newPrefix == null ? "" : newPrefix;
        if (Objects.equals(newBucket, bucket) && p.equals(prefix) && !stale) {
            return;
        }
        bucket = newBucket;
        prefix = p;
        stale = true;
        if (aborting.get()) {
            // Browsing elsewhere never stops an abort: its rows stay until it ends, then this folder is listed.
            return;
        }
        current.cancel();
        rows.clear();
        selection.clear();
        loading.set(false);
        status.set("");
        emptyText.set(bucket == null ? "Choose a bucket on the left." : "Not listed yet.");
        if (shown.get()) {
            refresh();
        }
    }

    /** Lists again (F5, or the panel's Refresh). */
    public void refresh() {
        if (aborting.get()) {
            return;
        }
        current.cancel();
        rows.clear();
        selection.clear();
        if (uploads == null || bucket == null) {
            emptyText.set(uploads == null ? "Not connected." : "Choose a bucket on the left.");
            return;
        }
        stale = false;
        CancellationToken token = new CancellationToken();
        current = token;
        MultipartUploads source = uploads;
        String b = bucket;
        String p = prefix;
        UiBatcher<MultipartUpload> batcher = new UiBatcher<>(tasks.ui(), page -> {
            if (!token.isCancelled()) {
                rows.addAll(page.stream().map(UploadRow::listed).toList());
                status.set(String.format(Locale.ROOT, "%,d uploads listed…", rows.size()));
            }
        });
        loading.set(true);
        emptyText.set("Listing incomplete uploads…");
        tasks.run("list uploads " + b + "/" + p, () -> {
            source.list(b, p, true, batcher::addAll, token);
            return null;
        }, done -> {
            if (token.isCancelled()) {
                return;
            }
            batcher.flush();
            loading.set(false);
            status.set(describe(rows));
            emptyText.set("No incomplete multipart uploads under " + where(b, p) + ": nothing here is billed"
                    + " without showing up.");
        }, error -> {
            if (token.isCancelled()) {
                return;
            }
            loading.set(false);
            S3Failure failure = S3Failure.of(error);
            status.set("Listing uploads failed: " + failure.summary());
            emptyText.set("Could not list the incomplete uploads of " + b + ": " + failure.summary());
            dialogs.showFailure("Could not list the incomplete uploads of " + b, failure, error);
        });
    }

    /** Selects the uploads started more than {@link #olderThanDaysProperty()} days ago (and only those). */
    public void selectOlderThan() {
        Instant before = clock.instant().minus(Duration.ofDays(Math.max(0, olderThanDays.get())));
        List<UploadRow> old = rows.stream()
                .filter(r -> r.abortable() && r.upload().initiatedBefore(before)).toList();
        selectionToRestore.set(List.of());
        selectionToRestore.set(old);
        status.set(String.format(Locale.ROOT, "%,d of %,d uploads were started more than %d days ago.",
                old.size(), rows.size(), olderThanDays.get()));
    }

    /** Asks, then aborts the selected uploads; each row then shows its outcome. */
    public void abortSelected() {
        if (!canAbort.get()) {
            return;
        }
        List<MultipartUpload> chosen = selection.stream().filter(UploadRow::abortable).map(UploadRow::upload)
                .toList();
        if (confirmAbort(bucket, chosen)) {
            abort(bucket, chosen, () -> { });
        }
    }

    /**
     * Upload rows chosen in the browser: asks by the same confirmation as the panel's own, then the panel shows just
     * these uploads, each with its outcome, until it lists again. {@code onDone} runs after the abort (to list the
     * browser's folder again). Not while the panel aborts.
     */
    public void abortFromBrowser(String inBucket, List<MultipartUpload> chosen, Runnable onDone) {
        if (aborting.get()) {
            dialogs.showFailure("An abort is running", new S3Failure("AbortRunning", "The Incomplete uploads tab is"
                    + " aborting uploads: abort these once it has finished.", null, null, true), null);
            return;
        }
        if (chosen.isEmpty() || uploads == null) {
            return;
        }
        // The panel follows the browser: this is the folder it would list.
        bucket = inBucket;
        if (!confirmAbort(inBucket, chosen)) {
            return;
        }
        current.cancel();
        loading.set(false);
        selection.clear();
        rows.setAll(chosen.stream().map(UploadRow::listed).toList());
        // Listed, as far as the panel goes: showing it must not list over the outcomes.
        stale = false;
        revealed.set(revealed.get() + 1);
        abort(inBucket, chosen, onDone);
    }

    private boolean confirmAbort(String inBucket, List<MultipartUpload> chosen) {
        long bytes = chosen.stream().mapToLong(MultipartUpload::bytes).sum();
        String count = count(chosen.size());
        return dialogs.confirm(Confirmation.of("Abort incomplete uploads",
                "Abort " + count + " in " + inBucket + ", holding " + Sizes.human(bytes) + " of parts?",
                "Their uploaded parts are deleted and no longer billed. A program still uploading to one of them"
                        + " will fail. Objects and versions are not touched.",
                "Abort " + count));
    }

    private void abort(String b, List<MultipartUpload> chosen, Runnable onDone) {
        CancellationToken token = new CancellationToken();
        current = token;
        int[] done = new int[1];
        UiBatcher<AbortResult> batcher = new UiBatcher<>(tasks.ui(), results -> {
            // Looked up per batch: each batch replaces rows, and the list may have been listed again meanwhile.
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                index.put(rows.get(i).upload().uploadId(), i);
            }
            for (AbortResult result : results) {
                Integer at = index.get(result.upload().uploadId());
                if (at != null) {
                    rows.set(at, new UploadRow(rows.get(at).upload(), result));
                }
            }
            done[0] += results.size();
            status.set(String.format(Locale.ROOT, "Aborted %,d of %,d…", done[0], chosen.size()));
        });
        aborting.set(true);
        UploadAborter aborter = new UploadAborter(uploads);
        tasks.run("abort uploads " + b, () -> aborter.abort(b, chosen, r -> batcher.addAll(List.of(r)), token),
                results -> {
                    batcher.flush();
                    aborting.set(false);
                    selection.clear();
                    status.set(summary(results));
                    listIfMovedMeanwhile();
                    onDone.run();
                }, error -> {
                    batcher.flush();
                    aborting.set(false);
                    dialogs.showFailure("Aborting uploads failed", S3Failure.of(error), error);
                    listIfMovedMeanwhile();
                    onDone.run();
                });
    }

    /** The browser went to another folder while an abort ran: list that one now (its results were shown). */
    private void listIfMovedMeanwhile() {
        if (stale && shown.get()) {
            refresh();
        }
    }

    /** Esc: stops a listing, or an abort after the requests in flight (the rest is "Not attempted"). */
    public void cancel() {
        current.cancel();
        if (loading.get()) {
            loading.set(false);
            status.set("Listing stopped: " + describe(rows));
        }
    }

    private static String summary(List<AbortResult> results) {
        Map<AbortOutcome, Integer> counts = new EnumMap<>(AbortOutcome.class);
        long freed = 0;
        for (AbortResult r : results) {
            counts.merge(r.outcome(), 1, Integer::sum);
            if (r.outcome() == AbortOutcome.ABORTED) {
                freed += r.upload().bytes();
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((outcome, n) -> parts.add(String.format(Locale.ROOT, "%,d %s", n,
                outcome.label().toLowerCase(Locale.ROOT))));
        return String.join(", ", parts) + " · " + Sizes.human(freed) + " no longer billed";
    }

    private static String describe(List<UploadRow> rows) {
        long bytes = rows.stream().mapToLong(r -> r.upload().bytes()).sum();
        return rows.isEmpty() ? "No incomplete uploads" : count(rows.size()) + " holding " + Sizes.human(bytes);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "upload" : "uploads");
    }

    private static String where(String bucket, String prefix) {
        return prefix.isEmpty() ? bucket : bucket + "/" + prefix;
    }

    public ObservableList<UploadRow> rows() {
        return rows;
    }

    /** The view keeps this in step with the table's selection. */
    public ObservableList<UploadRow> selection() {
        return selection;
    }

    /** Rows the view should select (by "Select older than"). */
    public ReadOnlyObjectProperty<List<UploadRow>> selectionToRestoreProperty() {
        return selectionToRestore;
    }

    public IntegerProperty olderThanDaysProperty() {
        return olderThanDays;
    }

    /** Whether the panel is on screen: listing waits for it, so that browsing costs no extra request. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Changes each time the panel is to be brought to the front: it shows an abort started in the browser. */
    public ReadOnlyIntegerProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty abortingProperty() {
        return aborting.getReadOnlyProperty();
    }

    public BooleanBinding canAbortProperty() {
        return canAbort;
    }

    /** Counts and bytes, or progress. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }
}
