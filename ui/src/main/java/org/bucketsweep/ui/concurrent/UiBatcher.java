package org.bucketsweep.ui.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Carries items from background threads to the UI thread in batches: however many arrive, at most one hand-over
 * is queued on the UI thread at a time. Without a budget a hand-over takes everything gathered so far; with one it
 * takes at most that much (weighed per item, e.g. the rows of a page) and queues the next hand-over behind whatever
 * else waits for the UI thread, so that a pulse never waits for more than one bounded batch however fast items come.
 */
public final class UiBatcher<T> {

    private final Executor ui;
    private final Consumer<List<T>> sink;
    private final int budget;
    private final ToIntFunction<? super T> weight;
    private final Object lock = new Object();
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private boolean scheduled;
    /** What runs after the hand-over that empties the queue, once the work has ended; UI thread only. */
    private Runnable afterLast;

    /** Hands over everything that is pending each time. */
    public UiBatcher(Executor ui, Consumer<List<T>> sink) {
        this(ui, Integer.MAX_VALUE, item -> 1, sink);
    }

    /**
     * Hands over items of at most {@code budget} weight at a time (always at least one item), in arrival order.
     *
     * @param weight how much of the budget an item takes, e.g. its rows; at least 1 is counted
     */
    public UiBatcher(Executor ui, int budget, ToIntFunction<? super T> weight, Consumer<List<T>> sink) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1: " + budget);
        }
        this.ui = ui;
        this.sink = sink;
        this.budget = budget;
        this.weight = weight;
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
            ui.execute(this::handOver);
        }
    }

    /** The queued hand-over: one budget's worth, then the next one queued if more is pending. */
    private void handOver() {
        List<T> batch = new ArrayList<>();
        boolean more;
        synchronized (lock) {
            long taken = 0;
            while (!pending.isEmpty() && (batch.isEmpty() || taken < budget)) {
                T next = pending.peekFirst();
                int w = Math.max(1, weight.applyAsInt(next));
                if (!batch.isEmpty() && taken + w > budget) {
                    break;
                }
                batch.add(pending.pollFirst());
                taken += w;
            }
            more = !pending.isEmpty();
            scheduled = more;
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        if (more) {
            ui.execute(this::handOver);
        } else if (afterLast != null) {
            Runnable then = afterLast;
            afterLast = null;
            then.run();
        }
    }

    /**
     * The work has ended and nothing more will be added: runs {@code then} on the UI thread once every pending item
     * has been handed over, still a budget at a time (at once when nothing is pending). Call it on the UI thread.
     */
    public void whenHandedOver(Runnable then) {
        boolean now;
        synchronized (lock) {
            now = pending.isEmpty();
        }
        if (now) {
            then.run();
        } else {
            afterLast = then;
        }
    }

    /**
     * Hands over everything pending now, in one batch; on the UI thread. Call it when the work ends, before reading
     * results.
     */
    public void flush() {
        List<T> batch;
        synchronized (lock) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /** Whether items wait for a hand-over. */
    public boolean hasPending() {
        synchronized (lock) {
            return !pending.isEmpty();
        }
    }
}
