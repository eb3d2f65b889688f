package org.bucketsweep.ui.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Which list a big table shows: the browser's listing, or a job's results. JavaFX's {@link SortedList} walks all its
 * rows for every change of its source, even without a comparator, and with one it places each added row by such a
 * walk: while a million rows stream in, that was most of the JavaFX thread's work, and a sorted table froze for
 * seconds (docs/benchmarks.md). So the table shows the rows themselves, in their arrival order, while they stream in
 * or no column is sorted; only once they are complete and a column is sorted does it show a {@code SortedList} of
 * them. A click on a header meanwhile is kept, and applied when they are complete.
 */
public final class SortOnceListed<T> {

    private final TableView<T> table;
    private final ObservableList<T> rows;
    private final ObservableBooleanValue loading;
    /**
     * What the sorted list is made of: the rows, until it is dropped. A dropped list still listens to its source
     * until the garbage collector takes it, so its source is emptied then and hands it no more changes.
     */
    private FilteredList<T> sortedSource;
    private SortedList<T> sorted;

    private SortOnceListed(TableView<T> table, ObservableList<T> rows,
                           ObservableBooleanValue loading) {
        this.table = table;
        this.rows = rows;
        this.loading = loading;
    }

    /**
     * Shows {@code rows} in {@code table}, sorted by the table's sort order when {@code loading} is false. The
     * table's own sort policy is replaced: it would sort the rows list itself, which fails on a filtered list.
     */
    public static <T> void install(TableView<T> table, ObservableList<T> rows, ObservableBooleanValue loading) {
        SortOnceListed<T> order = new SortOnceListed<>(table, rows, loading);
        table.setItems(rows);
        table.setSortPolicy(t -> true);
        InvalidationListener update = o -> order.update();
        loading.addListener(update);
        table.comparatorProperty().addListener(update);
        order.update();
    }

    /** Runs again from inside {@link #show}, as the table's sort order is cleared and put back. */
    private void update() {
        // Both read every time: an invalidation listener hears again only of a value that was read since.
        Comparator<T> sortedBy = table.getComparator();
        Comparator<T> comparator = loading.get() ? null : sortedBy;
        if (comparator == null) {
            if (sorted != null) {
                FilteredList<T> dropped = sortedSource;
                sorted = null;
                sortedSource = null;
                show(rows);
                dropped.setPredicate(row -> false);
            }
        } else if (sorted == null) {
            sortedSource = new FilteredList<>(rows);
            sorted = new SortedList<>(sortedSource, comparator);
            show(sorted);
        } else {
            sorted.setComparator(comparator);
        }
    }

    /**
     * Another list drops the table's selection, and a list that is not a {@code SortedList} its sort order too
     * (TableView clears it, RT-35763): both are put back.
     */
    private void show(ObservableList<T> items) {
        List<T> selected = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        List<TableColumn<T, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
        table.setItems(items);
        table.getSortOrder().setAll(sortOrder);
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
        Set<T> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(rows);
        List<T> items = table.getItems();
        int[] indices = IntStream.range(0, items.size()).filter(i -> wanted.contains(items.get(i))).toArray();
        if (indices.length > 0) {
            table.getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
        }
    }
}
