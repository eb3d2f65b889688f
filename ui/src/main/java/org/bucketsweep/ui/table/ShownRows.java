package org.bucketsweep.ui.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The rows {@link FilteredRows} shows: a list only it changes, which takes over a new list of rows without copying
 * them. JavaFX's own list copies every row on {@code setAll}, and records every row it removes, 10-20 ms each for
 * 1,250,000 rows on the JavaFX thread (docs/benchmarks.md). Anyone else may only read it. A sorted table takes a
 * {@link #snapshot()} of it to sort in the background, instead of a copy of its own.
 */
final class ShownRows<T> extends ObservableListBase<T> {

    private ArrayList<T> rows = new ArrayList<>();
    /** Whether {@link #rows} was handed out by {@link #snapshot()}: the next change works on a copy of it. */
    private boolean shared;

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
        shared = false;
        beginChange();
        if (!old.isEmpty()) {
            nextRemove(0, old);
        }
        if (!newRows.isEmpty()) {
            nextAdd(0, newRows.size());
        }
        endChange();
    }

    void append(List<? extends T> added) {
        if (added.isEmpty()) {
            return;
        }
        unshare();
        int from = rows.size();
        rows.addAll(added);
        beginChange();
        nextAdd(from, rows.size());
        endChange();
    }

    void replace(int at, T row) {
        unshare();
        T was = rows.set(at, row);
        beginChange();
        nextSet(at, was);
        endChange();
    }

    void cut(int at) {
        unshare();
        T was = rows.remove(at);
        beginChange();
        nextRemove(at, was);
        endChange();
    }

    /**
     * The rows as they are now, which never change, for reading on another thread: the next change of this list
     * copies them first. Most of the time nothing changes before the reader is done (a sort of a complete listing),
     * and nothing is copied at all.
     */
    List<T> snapshot() {
        shared = true;
        return Collections.unmodifiableList(rows);
    }

    private void unshare() {
        if (shared) {
            rows = new ArrayList<>(rows);
            shared = false;
        }
    }
}
