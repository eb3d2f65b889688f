package org.bucketsweep.ui.table;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The rows {@link FilteredRows} shows: a list only it changes, which takes over a new list of rows without copying
 * them. JavaFX's own list copies every row on {@code setAll}, and records every row it removes, 10-20 ms each for
 * 1,250,000 rows on the JavaFX thread (docs/benchmarks.md). Anyone else may only read it.
 */
final class ShownRows<T> extends ObservableListBase<T> {

    private ArrayList<T> rows = new ArrayList<>();

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Shows {@code newRows} instead, in one change; from now on this list owns them. */
    void replaceAll(ArrayList<T> newRows) {
        List<T> old = rows;
        rows = newRows;
        beginChange();
        if (!old.isEmpty()) {
            nextRemove(0, old);
        }
        if (!newRows.isEmpty()) {
            nextAdd(0, newRows.size());
        }
        endChange();
    }

    void insert(int at, List<? extends T> added) {
        if (added.isEmpty()) {
            return;
        }
        rows.addAll(at, added);
        beginChange();
        nextAdd(at, at + added.size());
        endChange();
    }

    void append(List<? extends T> added) {
        insert(rows.size(), added);
    }

    void replace(int at, T row) {
        T was = rows.set(at, row);
        beginChange();
        nextSet(at, was);
        endChange();
    }

    void cut(int from, int to) {
        if (from == to) {
            return;
        }
        List<T> range = rows.subList(from, to);
        List<T> removed = new ArrayList<>(range);
        range.clear();
        beginChange();
        nextRemove(from, removed);
        endChange();
    }
}
