package org.bucketsweep.ui.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumn.CellDataFeatures;
import javafx.scene.control.TableColumn.SortType;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * A table's sort order, taken on the JavaFX thread, that sorts rows on any thread: the same order as the table's own
 * comparator (each sorted column's comparator on its cell values, the next column on a tie, a descending column
 * with the values swapped), without reading the table or its columns again. Each row's cell values are computed
 * once per sort, where the table's comparator computes both rows' values for every comparison.
 */
final class TableOrder<T> {

    private final TableView<T> table;
    private final List<Key<T>> keys;

    private TableOrder(TableView<T> table, List<Key<T>> keys) {
        this.table = table;
        this.keys = keys;
    }

    /** The table's sort order now, or {@code null} when no column is sorted; on the JavaFX thread. */
    static <T> TableOrder<T> of(TableView<T> table) {
        List<Key<T>> keys = new ArrayList<>();
        for (TableColumn<T, ?> column : table.getSortOrder()) {
            // As the table's comparator: a column that is not sortable is passed over.
            if (column.isSortable() && column.getSortType() != null && column.getComparator() != null) {
                keys.add(Key.of(column));
            }
        }
        return keys.isEmpty() ? null : new TableOrder<>(table, keys);
    }

    /** The rows in this order, in a new list; ties keep their order in {@code rows}. */
    List<T> sort(List<T> rows) {
        List<Keyed<T>> keyed = new ArrayList<>(rows.size());
        for (T row : rows) {
            Object[] values = new Object[keys.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(i, row);
            }
            keyed.add(new Keyed<>(row, values));
        }
        keyed.sort((a, b) -> compareValues(a.values(), b.values()));
        List<T> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(k -> sorted.add(k.row()));
        return sorted;
    }

    /** Compares two rows in this order, computing their cell values; for a few rows at a time. */
    Comparator<T> comparator() {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                int result = keys.get(i).compare(value(i, a), value(i, b));
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }

    private int compareValues(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            int result = keys.get(i).compare(a[i], b[i]);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object value(int key, T row) {
        Key<T> k = keys.get(key);
        if (k.cellValue() == null) {
            return null;
        }
        ObservableValue<?> cell = k.cellValue().call(new CellDataFeatures(table, k.column(), row));
        return cell == null ? null : cell.getValue();
    }

    /** Whether both sort by the same columns, the same way, with the same comparators and cell values. */
    boolean sameAs(TableOrder<T> other) {
        return other != null && keys.equals(other.keys);
    }

    private record Keyed<T>(T row, Object[] values) {
    }

    /** One sorted column, as it was when the order was taken. */
    private record Key<T>(TableColumn<T, ?> column, Callback<CellDataFeatures<T, ?>, ObservableValue<?>> cellValue,
                          Comparator<Object> comparator, SortType sortType) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        static <T> Key<T> of(TableColumn<T, ?> column) {
            return new Key<>(column, (Callback) column.getCellValueFactory(),
                    (Comparator<Object>) column.getComparator(), column.getSortType());
        }

        int compare(Object a, Object b) {
            return sortType == SortType.ASCENDING ? comparator.compare(a, b) : comparator.compare(b, a);
        }
    }
}
