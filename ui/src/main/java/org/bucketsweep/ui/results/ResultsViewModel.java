package org.bucketsweep.ui.results;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.journal.JournalContents;
import org.bucketsweep.model.journal.ResultsExport;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.format.OutcomeCounts;
import org.bucketsweep.ui.table.FilteredRows;

/** The results of the current delete job, one row per item, with counts per outcome and a filter. */
public final class ResultsViewModel {

    /**
     * Results added to the table at a time: a job whose results outrun the JavaFX thread queues them in the
     * hand-over instead of handing over one big batch that delays the next pulse (docs/benchmarks.md).
     */
    public static final int ROWS_PER_HAND_OVER = 2_000;
    private static final DateTimeFormatter EXPORT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ObservableList<ItemResult> results = FXCollections.observableArrayList();
    private final FilteredRows<ItemResult> visible;
    private final ObjectProperty<DeleteOutcome> outcomeFilter = new SimpleObjectProperty<>();
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No delete has run yet.");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper bucket = new ReadOnlyStringWrapper();
    private Consumer<ItemResult> onShowInBrowser = r -> { };
    private Runnable onRetry = () -> { };
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private int expected;
    private CancellationToken cancel;
    /** Whether the job shown is a delete, whose failed items can be offered again as a delete. */
    private boolean retryable = true;

    public ResultsViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        visible = new FilteredRows<>(results, tasks);
        outcomeFilter.addListener(x -> visible.setPredicate(filterPredicate()));
        textFilter.addListener(x -> visible.setPredicate(filterPredicate()));
    }

    private Predicate<ItemResult> filterPredicate() {
        DeleteOutcome outcome = outcomeFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
        if (outcome == null && text.isEmpty()) {
            return null;
        }
        return r -> (outcome == null || r.outcome() == outcome) && (text.isEmpty()
                || contains(r.key(), text) || contains(r.versionId(), text) || contains(r.errorCode(), text)
                || contains(r.errorMessage(), text));
    }

    private static boolean contains(String value, String lowerNeedle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** Tab-separated lines for the clipboard, with a header line. */
    public static String copyText(List<ItemResult> rows) {
        StringBuilder text = new StringBuilder(
                "key\tversionId\toutcome\tdeleteMarkerVersionId\terrorCode\terrorMessage\trequestId\n");
        for (ItemResult r : rows) {
            text.append(r.key()).append('\t').append(orEmpty(r.versionId())).append('\t').append(r.outcome())
                    .append('\t').append(orEmpty(r.deleteMarkerVersionId())).append('\t')
                    .append(orEmpty(r.errorCode())).append('\t').append(orEmpty(r.errorMessage())).append('\t')
                    .append(orEmpty(r.requestId())).append('\n');
        }
        return text.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    /** A new job starts: clears the table. */
    public void begin(String jobTitle, String jobBucket, int items, CancellationToken jobCancel) {
        results.clear();
        bucket.set(jobBucket);
        counts.clear();
        expected = items;
        cancel = jobCancel;
        retryable = true;
        title.set(jobTitle);
        progress.set(0);
        running.set(true);
        updateCounts();
        shown.set(shown.get() + 1);
    }

    /** Shows a past job's results from its journal. */
    public void show(JournalContents journal) {
        begin("Review of " + journal.header().intent() + " in " + journal.header().bucket(), journal.header().bucket(),
                journal.plannedItems().size(), null);
        add(journal.results());
        finish((journal.finished() ? "Finished job: " : "Unfinished job: ") + journal.header().intent() + " in "
                + journal.header().bucket() + ", started " + journal.header().started() + ". "
                + journal.results().size() + " of " + journal.plannedItems().size() + " items have an outcome.");
    }

    /**
     * The outcome of one item that was not deleted but restored ("restore this version"): shown as a finished job of
     * its own, whose failure is never offered to "Retry failed" (that would delete the version).
     */
    public void showRestore(String jobTitle, String jobBucket, ItemResult row) {
        begin(jobTitle, jobBucket, 1, null);
        retryable = false;
        add(List.of(row));
        finish(jobTitle);
    }

    /** A batch of results, on the UI thread. */
    public void add(List<ItemResult> batch) {
        results.addAll(batch);
        batch.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        progress.set(expected == 0 ? 1 : (double) results.size() / expected);
        updateCounts();
    }

    /** The job ended, normally or not. */
    public void finish(String finalTitle) {
        running.set(false);
        updateCounts();
        progress.set(1);
        title.set(finalTitle);
        cancel = null;
    }

    /** Stops sending after the request in flight; the rest is reported as not attempted. */
    public void cancel() {
        if (cancel != null) {
            cancel.cancel();
            title.set(title.get() + " (cancelling…)");
        }
    }

    /** Items to send again: those that failed or were not attempted. */
    public List<VersionRef> retryItems() {
        if (!retryable) {
            return List.of();
        }
        return results.stream()
                .filter(r -> r.outcome() == DeleteOutcome.FAILED || r.outcome() == DeleteOutcome.NOT_ATTEMPTED)
                .map(ItemResult::item).toList();
    }

    /** Asks where to save, then exports there. */
    public void exportAs() {
        String job = bucket.get() == null ? "" : "-" + bucket.get().replaceAll("[^A-Za-z0-9._-]", "_");
        String stamp = EXPORT_STAMP.format(LocalDateTime.now());
        dialogs.askExportFile("bucketsweep" + job + "-" + stamp + ".csv").ifPresent(this::export);
    }

    /** Writes every result (not only the filtered ones) to CSV, or to JSON when the name ends in .json. */
    public void export(Path file) {
        List<ItemResult> snapshot = List.copyOf(results);
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        exportStatus.set("Exporting " + snapshot.size() + " rows…");
        tasks.run("export results", () -> {
            if (json) {
                ResultsExport.writeJson(file, snapshot);
            } else {
                ResultsExport.writeCsv(file, snapshot);
            }
            return file;
        }, done -> exportStatus.set("Exported " + snapshot.size() + " rows to " + done.getFileName() + "."),
                error -> exportStatus.set("Export failed: " + error.getMessage()));
    }

    /** What the last export did, for the status line. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    public int count(DeleteOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** What "Retry failed" does: the main window plans the retry with the current connection. */
    public void setOnRetry(Runnable action) {
        this.onRetry = action;
    }

    /** Offers the failed and not-attempted items as a new delete. */
    public void retry() {
        if (canRetry.get()) {
            onRetry.run();
        }
    }

    /** Whether there is something to retry and no job runs. */
    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    private void updateCounts() {
        canRetry.set(retryable && !running.get() && (count(DeleteOutcome.FAILED) + count(DeleteOutcome.NOT_ATTEMPTED)) > 0);
        String items = results.size() + (expected > 0 ? " of " + expected : "") + " items";
        String outcomes = OutcomeCounts.text(counts);
        countsText.set(outcomes.isEmpty() ? items : items + " · " + outcomes);
    }

    public ObservableList<ItemResult> results() {
        return results;
    }

    /** Where the view runs its table's sorts, off the UI thread. */
    public TaskRunner tasks() {
        return tasks;
    }

    /** The rows the table shows: all, or those the outcome and text filters leave. */
    public ObservableList<ItemResult> visibleResults() {
        return visible.rows();
    }

    /** Whether a new filter is applied in the background, the table showing the former one's rows meanwhile. */
    public ReadOnlyBooleanProperty filteringProperty() {
        return visible.filteringProperty();
    }

    /** Shows rows whose key, version id, error code or message contains this text. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** {@code null} shows every outcome. */
    public ObjectProperty<DeleteOutcome> outcomeFilterProperty() {
        return outcomeFilter;
    }

    /** What "Show in browser" does: the main window opens the row's folder and filters on its name. */
    public void setOnShowInBrowser(Consumer<ItemResult> action) {
        this.onShowInBrowser = action;
    }

    public void showInBrowser(ItemResult row) {
        if (row != null) {
            onShowInBrowser.accept(row);
        }
    }

    /** The bucket of the job shown; {@code null} before the first. */
    public ReadOnlyStringProperty bucketProperty() {
        return bucket.getReadOnlyProperty();
    }

    /** Changes each time the table starts showing another job (a new one, or one read from its journal). */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}

