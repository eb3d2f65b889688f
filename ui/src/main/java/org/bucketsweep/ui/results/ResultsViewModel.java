package org.bucketsweep.ui.results;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.StringJoiner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;

/** The results of the current delete job, one row per item, with counts per outcome and a filter. */
public final class ResultsViewModel {

    private final ObservableList<ItemResult> results = FXCollections.observableArrayList();
    private final FilteredList<ItemResult> visible = new FilteredList<>(results);
    private final ObjectProperty<DeleteOutcome> outcomeFilter = new SimpleObjectProperty<>();
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No delete has run yet.");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private int expected;
    private CancellationToken cancel;

    public ResultsViewModel() {
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
    public void begin(String jobTitle, int items, CancellationToken jobCancel) {
        results.clear();
        counts.clear();
        expected = items;
        cancel = jobCancel;
        title.set(jobTitle);
        progress.set(0);
        running.set(true);
        updateCounts();
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

    public int count(DeleteOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    private void updateCounts() {
        StringJoiner text = new StringJoiner(" · ");
        text.add(results.size() + (expected > 0 ? " of " + expected : "") + " items");
        for (DeleteOutcome outcome : DeleteOutcome.values()) {
            int n = count(outcome);
            if (n > 0) {
                text.add(outcome.label() + ": " + n);
            }
        }
        countsText.set(text.toString());
    }

    public ObservableList<ItemResult> results() {
        return results;
    }

    /** The rows the table shows: all, or those with the chosen outcome. */
    public ObservableList<ItemResult> visibleResults() {
        return visible;
    }

    /** Shows rows whose key, version id, error code or message contains this text. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** {@code null} shows every outcome. */
    public ObjectProperty<DeleteOutcome> outcomeFilterProperty() {
        return outcomeFilter;
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
