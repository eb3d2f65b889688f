package org.bucketsweep.ui.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of a list that a filter leaves, in the list's order, for a big table. JavaFX's {@code FilteredList} tests
 * every row on the JavaFX thread for each new filter: 37-46 ms a keystroke for 1,250,000 rows on a quiet machine,
 * more on a busy one (docs/benchmarks.md). Here a new filter, or none, over up to {@value #FILTER_AT_ONCE} rows is
 * applied at once. Over more, the JavaFX thread only copies the rows (10-20 ms for 1,250,000), a background task
 * filters the copy while the table shows the former filter's rows, and the rows that arrived meanwhile are tested
 * when it is done. Rows added to the end of the list, a row replaced and the list cleared (what a streaming listing
 * and a job's results do) are followed at once, as {@code FilteredList} does; any other change filters anew.
 *
 * <p>The filter runs on a background thread: it may read only what does not change, or what is safe to read from
 * another thread.
 */
public final class FilteredRows<T> {

    private static final Logger LOG = LoggerFactory.getLogger(FilteredRows.class);
    /** Up to this many rows are filtered at once on the JavaFX thread: about 2 ms at the speed measured. */
    static final int FILTER_AT_ONCE = 50_000;

    private final ObservableList<T> source;
    private final ShownRows<T> shown = new ShownRows<>();
    private final TaskRunner tasks;
    private final int filterAtOnce;
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    /** {@code null} shows every row. */
    private Predicate<? super T> predicate;
    /** Counts the filters started: a background filter that ends after a newer one started is dropped. */
    private long filters;
    /** While a background filter runs: how many of the source's first rows it filters; the rest are tested after. */
    private int copied;

    /** The rows of {@code source} that the filter leaves; a background filter runs with {@code tasks}. */
    public FilteredRows(ObservableList<T> source, TaskRunner tasks) {
        this(source, tasks, FILTER_AT_ONCE);
    }

    /** As above, with up to {@code filterAtOnce} rows filtered at once; for tests of the background filter. */
    FilteredRows(ObservableList<T> source, TaskRunner tasks, int filterAtOnce) {
        this.source = source;
        this.tasks = tasks;
        this.filterAtOnce = filterAtOnce;
        shown.replaceAll(new ArrayList<>(source));
        source.addListener(this::sourceChanged);
    }

    /** What the table shows. Only this class changes it. */
    public ObservableList<T> rows() {
        return shown;
    }

    /** Whether a new filter is being applied in the background, the table showing the former one's rows meanwhile. */
    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** Shows the rows that {@code filter} accepts; {@code null} shows them all. */
    public void setPredicate(Predicate<? super T> filter) {
        predicate = filter;
        refilter();
    }

    private void refilter() {
        long mine = ++filters;
        if (source.size() <= filterAtOnce) {
            filtering.set(false);
            shown.replaceAll(matching(source, predicate));
            return;
        }
        filtering.set(true);
        Predicate<? super T> filter = predicate;
        List<T> copy = new ArrayList<>(source);
        copied = copy.size();
        tasks.run("filter the table", () -> matching(copy, filter), matches -> {
            if (mine != filters) {
                return;
            }
            filtering.set(false);
            // The task's own list, so no other copy of the rows is made here.
            matches.addAll(matching(source.subList(copied, source.size()), filter));
            shown.replaceAll(matches);
        }, failure -> {
            if (mine == filters) {
                filtering.set(false);
                LOG.warn("Could not filter the table; it shows every row", failure);
                predicate = null;
                shown.replaceAll(new ArrayList<>(source));
            }
        });
    }

    /** The rows {@code filter} accepts, all of them when it is {@code null}. */
    private static <T> ArrayList<T> matching(List<? extends T> rows, Predicate<? super T> filter) {
        if (filter == null) {
            return new ArrayList<>(rows);
        }
        ArrayList<T> matches = new ArrayList<>();
        for (T row : rows) {
            if (filter.test(row)) {
                matches.add(row);
            }
        }
        return matches;
    }

    private void sourceChanged(ListChangeListener.Change<? extends T> change) {
        if (source.isEmpty()) {
            refilter();
        } else if (filtering.get()) {
            // Rows added to the end are tested when the background filter is done; any other change starts it anew.
            if (!onlyAppended(change)) {
                refilter();
            }
        } else if (!followed(change)) {
            refilter();
        }
    }

    /** Whether the change only added rows at the end, after those the background filter copied. */
    private boolean onlyAppended(ListChangeListener.Change<? extends T> change) {
        while (change.next()) {
            if (change.wasPermutated() || change.wasUpdated() || change.wasRemoved() || change.getFrom() < copied) {
                return false;
            }
        }
        return true;
    }

    /**
     * Follows a change of one part that appended rows or replaced one, the changes a streaming listing makes: whether
     * it could (if not, the rows must be filtered anew).
     */
    private boolean followed(ListChangeListener.Change<? extends T> change) {
        if (!change.next()) {
            return true;
        }
        boolean appended = change.wasAdded() && !change.wasRemoved() && change.getTo() == source.size();
        boolean replacedOne = change.wasReplaced() && change.getRemovedSize() == 1 && change.getAddedSize() == 1;
        if (change.wasPermutated() || change.wasUpdated() || !(appended || replacedOne)) {
            return false;
        }
        List<? extends T> added = change.getAddedSubList();
        T was = replacedOne ? change.getRemoved().get(0) : null;
        if (change.next()) {
            return false;
        }
        if (appended) {
            shown.append(matching(added, predicate));
            return true;
        }
        return replaced(was, added.get(0));
    }

    /** A row replaced in the source: replaced or taken out where it is shown; false when it must be put in. */
    private boolean replaced(T was, T now) {
        int at = -1;
        for (int i = shown.size() - 1; i >= 0 && at < 0; i--) {
            if (shown.get(i) == was) {
                at = i;
            }
        }
        boolean matches = predicate == null || predicate.test(now);
        if (at < 0) {
            return !matches;
        }
        if (matches) {
            shown.replace(at, now);
        } else {
            shown.cut(at);
        }
        return true;
    }
}
