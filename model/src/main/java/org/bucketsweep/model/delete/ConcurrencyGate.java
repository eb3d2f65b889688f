package org.bucketsweep.model.delete;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Lets a job's workers send only as many requests at once as its {@link ConcurrencyLimit} allows. A worker waits
 * here with its batch in hand; it checks for a cancel while it waits, so a cancelled job never sends a waiting batch.
 *
 * <p>An answer wakes only as many waiting workers as there are free slots. An adaptive job keeps a worker for each
 * request it may ever have in flight ({@link AdaptiveConcurrency#MAX}), most of them waiting while the limit is
 * lower: waking them all on every answer, only for all but one to find no slot, cost up to 31 context switches per
 * answer, on the cores that the JavaFX thread and the rest of the job need.
 */
final class ConcurrencyGate {

    /** How long a waiting worker sleeps at most before it looks for a cancel (or a slot) again. */
    static final long WAIT_MILLIS = 50;

    private final ConcurrencyLimit limit;
    /** Hears each new limit, under this gate's lock so that changes arrive in order. */
    private final IntConsumer onChange;
    private final long waitMillis;
    private int inFlight;
    private int waiting;
    private long wakeUps;

    ConcurrencyGate(ConcurrencyLimit limit, IntConsumer onChange) {
        this(limit, onChange, WAIT_MILLIS);
    }

    ConcurrencyGate(ConcurrencyLimit limit, IntConsumer onChange, long waitMillis) {
        this.limit = limit;
        this.onChange = onChange;
        this.waitMillis = waitMillis;
    }

    /** Waits for a free slot; false (and no slot taken) when {@code stop} says so first. */
    synchronized boolean enter(BooleanSupplier stop) {
        try {
            while (inFlight >= limit.limit()) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                waiting++;
                try {
                    wait(waitMillis);
                } finally {
                    waiting--;
                    wakeUps++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (stop.getAsBoolean()) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** Frees the slot and hears how the request went. */
    synchronized void leave(RequestSample sample) {
        inFlight--;
        int before = limit.limit();
        limit.record(sample);
        int after = limit.limit();
        if (after != before) {
            onChange.accept(after);
        }
        // A woken worker that finds its slot taken (by a worker that came back without waiting) waits again; a
        // worker whose wake-up goes missing looks again within the wait.
        for (int free = Math.min(waiting, after - inFlight); free > 0; free--) {
            notify();
        }
    }

    /** How many workers wait for a slot now; for tests. */
    synchronized int waiting() {
        return waiting;
    }

    /** How often a waiting worker has woken up, for whatever reason; for tests. */
    synchronized long wakeUps() {
        return wakeUps;
    }

    /** Tells the listener the limit a job starts with. */
    synchronized void announce() {
        onChange.accept(limit.limit());
    }
}
