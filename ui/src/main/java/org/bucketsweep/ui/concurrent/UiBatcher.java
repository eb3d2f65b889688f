package org.bucketsweep.ui.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries items from background threads to the UI thread in batches: however many arrive, at most one hand-over
 * is queued on the UI thread at a time, and it takes everything gathered so far.
 */
public final class UiBatcher<T> {

    private final Executor ui;
    private final Consumer<List<T>> sink;
    private final Object lock = new Object();
    private List<T> pending = new ArrayList<>();
    private boolean scheduled;

    public UiBatcher(Executor ui, Consumer<List<T>> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    /** Called from any thread. */
    public void addAll(Collection<? extends T> items) {
        if (items.isEmpty()) {
            return;
        }
        boolean schedule;
        synchronized (lock) {
            pending.addAll(items);
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            ui.execute(this::flush);
        }
    }

    /** Hands over what is pending now; on the UI thread. Also call it when the work ends, before reading results. */
    public void flush() {
        List<T> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
