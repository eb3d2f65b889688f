package org.bucketsweep.ui.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.bucketsweep.model.browse.ListingEntry;

/**
 * Which list the browser's table shows. JavaFX's {@link SortedList} walks all its rows for every change of its
 * source, even without a comparator, and with one it places each added row by such a walk: while a million rows
 * stream in, that was most of the JavaFX thread's work, and a sorted table froze for seconds (docs/benchmarks.md).
 * So the table shows the rows themselves, in the listing's order, while a listing streams in or no column is
 * sorted; only once a listing is complete and a column is sorted does it show a {@code SortedList} of them. A click
 * on a header while loading is kept, and applied when the listing completes.
 */
final class SortOnceListed {

    private final TableView<ListingEntry> table;
    private final ObservableList<ListingEntry> rows;
    private final ObservableBooleanValue loading;
    /**
     * What the sorted list is made of: the rows, until it is dropped. A dropped list still listens to its source
     * until the garbage collector takes it, so its source is emptied then and hands it no more changes.
     */
    private FilteredList<ListingEntry> sortedSource;
    private SortedList<ListingEntry> sorted;

    private SortOnceListed(TableView<ListingEntry> table, ObservableList<ListingEntry> rows,
                           ObservableBooleanValue loading) {
        this.table = table;
        this.rows = rows;
        this.loading = loading;
    }

    /**
     * Shows {@code rows} in {@code table}, sorted by the table's sort order when {@code loading} is false. The
     * table's own sort policy is replaced: it would sort the rows list itself.
     */
    static void install(TableView<ListingEntry> table, ObservableList<ListingEntry> rows,
                        ObservableBooleanValue loading) {
        SortOnceListed order = new SortOnceListed(table, rows, loading);
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
        Comparator<ListingEntry> sortedBy = table.getComparator();
        Comparator<ListingEntry> comparator = loading.get() ? null : sortedBy;
        if (comparator == null) {
            if (sorted != null) {
                FilteredList<ListingEntry> dropped = sortedSource;
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
    private void show(ObservableList<ListingEntry> items) {
        List<ListingEntry> selected = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        List<TableColumn<ListingEntry, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
        table.setItems(items);
        table.getSortOrder().setAll(sortOrder);
        ObjectBrowserView.select(table, selected);
    }
}
