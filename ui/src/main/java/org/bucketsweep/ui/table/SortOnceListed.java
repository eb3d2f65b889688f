package org.bucketsweep.ui.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which list a big table shows, and how it gets sorted: the browser's listing, or a job's results. While the rows
 * stream in, or no column is sorted, the table shows the rows themselves in their arrival order: JavaFX's
 * {@link SortedList} walks all its rows for every change of its source, which froze a sorted table for seconds while
 * a million rows streamed in. Once the rows are complete and a column is sorted (a click on a header meanwhile is
 * kept), a copy of them is sorted: up to {@value #SORT_AT_ONCE} rows at once, more in the background, the table
 * showing the sorted copy when it is ready. Sorting on the JavaFX thread took 0.7 s for 100,000 rows by size and 4 s
 * for a million, a frozen window (docs/benchmarks.md).
 *
 * <p>The sorted copy holds exactly the rows at all times. A few rows added or removed afterwards are put in place
 * or taken out at once. After a bigger change, such as a new filter, the rows are sorted anew: at once when they are
 * few, else in the background, the table showing them unsorted meanwhile.
 */
public final class SortOnceListed<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SortOnceListed.class);
    /** Up to this many added rows go in their place at once; more are appended and sorted in the background. */
    static final int PUT_IN_PLACE = 256;
    /** Up to this many rows removed and added are edited into the sorted copy; after more it is made anew. */
    static final int EDIT_IN = 10_000;
    /**
     * Up to this many rows are sorted at once on the JavaFX thread, more in the background: a click on a header of
     * 10,000 rows took 1-3 ms there once warm, about 40 ms the first time in a fresh JVM.
     */
    static final int SORT_AT_ONCE = 10_000;

    private final TableView<T> table;
    private final ObservableList<T> rows;
    private final ObservableBooleanValue loading;
    private final TaskRunner tasks;
    /** What the table shows while the rows are sorted; {@code null} while it shows the rows themselves. */
    private ObservableList<T> shown;
    /** The order {@link #shown} is in. */
    private TableOrder<T> shownOrder;
    /** The order asked for; {@code null} for the rows themselves. */
    private TableOrder<T> wanted;
    /** Counts the sorts started: a sort that ends after a newer one started, or after sorting stopped, is dropped. */
    private long sorts;
    private final ReadOnlyBooleanWrapper sorting = new ReadOnlyBooleanWrapper(this, "sorting");
    private final int sortAtOnce;
    /** Set while the table's items are swapped: the table's sort order is cleared and put back meanwhile. */
    private boolean swapping;

    private SortOnceListed(TableView<T> table, ObservableList<T> rows, ObservableBooleanValue loading,
                           TaskRunner tasks, int sortAtOnce) {
        this.table = table;
        this.rows = rows;
        this.loading = loading;
        this.tasks = tasks;
        this.sortAtOnce = sortAtOnce;
    }

    /**
     * Shows {@code rows} in {@code table}, sorted by the table's sort order when {@code loading} is false, the sorts
     * run by {@code tasks}. The table's own sort policy is replaced: it would sort the rows list itself, which fails
     * on a filtered list, and on the JavaFX thread.
     */
    public static <T> SortOnceListed<T> install(TableView<T> table, ObservableList<T> rows,
                                                ObservableBooleanValue loading, TaskRunner tasks) {
        return install(table, rows, loading, tasks, SORT_AT_ONCE);
    }

    /** As above, with up to {@code sortAtOnce} rows sorted on the JavaFX thread; for tests of the background sort. */
    static <T> SortOnceListed<T> install(TableView<T> table, ObservableList<T> rows, ObservableBooleanValue loading,
                                         TaskRunner tasks, int sortAtOnce) {
        SortOnceListed<T> order = new SortOnceListed<>(table, rows, loading, tasks, sortAtOnce);
        table.setItems(rows);
        table.setSortPolicy(t -> true);
        InvalidationListener update = o -> order.update();
        loading.addListener(update);
        table.comparatorProperty().addListener(update);
        rows.addListener(order::rowsChanged);
        order.update();
        return order;
    }

    /** Whether rows are being sorted in the background, the table showing them in their former order meanwhile. */
    public ReadOnlyBooleanProperty sortingProperty() {
        return sorting.getReadOnlyProperty();
    }

    private void update() {
        // Both read every time: an invalidation listener hears again only of a value that was read since.
        boolean stillLoading = loading.get();
        table.getComparator();
        if (swapping) {
            return;
        }
        TableOrder<T> order = stillLoading ? null : TableOrder.of(table);
        if (order == null) {
            wanted = null;
            sorts++;
            sorting.set(false);
            if (shown != null) {
                shown = null;
                shownOrder = null;
                swap(rows);
            }
        } else if (!order.sameAs(wanted)) {
            wanted = order;
            sort();
        }
    }

    /** Sorts the rows as they are now into the order wanted: at once when few, else a copy in the background. */
    private void sort() {
        if (rows.size() <= sortAtOnce) {
            sortNow();
            return;
        }
        long mine = ++sorts;
        sorting.set(true);
        TableOrder<T> order = wanted;
        // A filter's rows give a snapshot, which their next change leaves alone; other lists are copied here, on the
        // JavaFX thread: 10-20 ms for a million rows.
        List<T> copy = rows instanceof ShownRows<T> filtered ? filtered.snapshot() : new ArrayList<>(rows);
        tasks.run("sort the table", () -> order.sort(copy), sorted -> {
            if (mine != sorts) {
                return;
            }
            sorting.set(false);
            shown = FXCollections.observableList(sorted);
            shownOrder = order;
            swap(shown);
        }, failure -> {
            if (mine == sorts) {
                sorting.set(false);
                LOG.warn("Could not sort the table; it keeps its order", failure);
            }
        });
    }

    /**
     * Keeps the sorted copy holding exactly the rows. A few rows changed are edited in; after more (a new filter), the
     * rows are sorted anew: at once when they are few, else in the background while the table shows them unsorted.
     */
    private void rowsChanged(ListChangeListener.Change<? extends T> change) {
        if (wanted == null) {
            return;
        }
        long changed = 0;
        boolean updated = false;
        while (change.next()) {
            updated |= change.wasUpdated();
            if (!change.wasPermutated() && !change.wasUpdated()) {
                changed += change.getRemovedSize() + change.getAddedSize();
            }
        }
        if (shown != null && !updated && changed <= EDIT_IN) {
            change.reset();
            editIn(change);
        } else if (rows.size() <= sortAtOnce) {
            sortNow();
        } else {
            if (shown != null) {
                shown = null;
                shownOrder = null;
                swap(rows);
            }
            sort();
        }
    }

    /** Sorts the rows on the JavaFX thread, dropping a sort under way. */
    private void sortNow() {
        sorts++;
        sorting.set(false);
        shown = FXCollections.observableList(wanted.sort(rows));
        shownOrder = wanted;
        swap(shown);
    }

    /** Takes the removed rows out of the sorted copy and puts the added ones in, or appends them and sorts again. */
    private void editIn(ListChangeListener.Change<? extends T> change) {
        Set<T> removed = identitySet();
        Set<T> added = identitySet();
        while (change.next()) {
            if (!change.wasPermutated()) {
                removed.addAll(change.getRemoved());
                added.addAll(change.getAddedSubList());
            }
        }
        // A row both removed and added (replaced by itself) stays where it is.
        Set<T> kept = identitySet();
        removed.forEach(row -> {
            if (added.contains(row)) {
                kept.add(row);
            }
        });
        removed.removeAll(kept);
        added.removeAll(kept);
        if (!removed.isEmpty()) {
            // One change for the table, however many rows go: removeAll of JavaFX's list makes a single one.
            shown.removeAll(removed);
        }
        if (added.size() <= PUT_IN_PLACE && !sorting.get()) {
            added.forEach(this::putInPlace);
        } else {
            shown.addAll(added);
            sort();
        }
    }

    private static <T> Set<T> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private void putInPlace(T row) {
        int at = Collections.binarySearch(shown, row, shownOrder.comparator());
        shown.add(at < 0 ? -at - 1 : at, row);
    }

    /**
     * Another list drops the table's selection, and a list that is not a {@code SortedList} its sort order too
     * (TableView clears it, RT-35763): both are put back.
     */
    private void swap(ObservableList<T> items) {
        List<T> selected = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        List<TableColumn<T, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
        swapping = true;
        try {
            table.setItems(items);
            table.getSortOrder().setAll(sortOrder);
        } finally {
            swapping = false;
        }
        select(table, selected);
    }

    /**
     * Selects exactly these rows (the same objects) of the table's items, by one pass over them (selecting row by
     * row would search each).
     */
    public static <T> void select(TableView<T> table, List<T> rows) {
        table.getSelectionModel().clearSelection();
        if (rows.isEmpty()) {
            return;
        }
        Set<T> wanted = identitySet();
        wanted.addAll(rows);
        List<T> items = table.getItems();
        int[] indices = IntStream.range(0, items.size()).filter(i -> wanted.contains(items.get(i))).toArray();
        if (indices.length > 0) {
            table.getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
        }
    }
}
