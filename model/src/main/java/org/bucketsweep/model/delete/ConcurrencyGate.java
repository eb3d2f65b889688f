package org.bucketsweep.model.delete;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Lets a job's workers send only as many requests at once as its {@link ConcurrencyLimit} allows. A worker waits
 * here with its batch in hand; it checks for a cancel while it waits, so a cancelled job never sends a waiting batch.
 */
final class ConcurrencyGate {

    private static final long WAIT_MILLIS = 50;

    private final ConcurrencyLimit limit;
    /** Hears each new limit, under this gate's lock so that changes arrive in order. */
    private final IntConsumer onChange;
    private int inFlight;

    ConcurrencyGate(ConcurrencyLimit limit, IntConsumer onChange) {
        this.limit = limit;
        this.onChange = onChange;
    }

    /** Waits for a free slot; false (and no slot taken) when {@code stop} says so first. */
    synchronized boolean enter(BooleanSupplier stop) {
        try {
            while (inFlight >= limit.limit()) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                wait(WAIT_MILLIS);
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
        notifyAll();
    }

    /** Tells the listener the limit a job starts with. */
    synchronized void announce() {
        onChange.accept(limit.limit());
    }
}
