package org.bucketsweep.model.delete;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Follows a running job for the person watching it: items with an outcome, requests in flight, the rate so far and
 * the time left at that rate. The engine calls it from its workers; anyone may read {@link #snapshot()}.
 */
public final class JobProgress implements DeleteListener {

    private final int total;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger limit = new AtomicInteger();
    private final AtomicInteger requestsSent = new AtomicInteger();
    private final AtomicIntegerArray byOutcome = new AtomicIntegerArray(DeleteOutcome.values().length);
    private final AtomicLong finishedNanos = new AtomicLong(Long.MIN_VALUE);

    /** Starts the clock now. */
    public JobProgress(int total) {
        this(total, System::nanoTime);
    }

    JobProgress(int total, LongSupplier nanoClock) {
        this.total = total;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    @Override
    public void onRequest(int requestNumber, int attempt, List<VersionRef> items) {
        requestsSent.incrementAndGet();
        inFlight.incrementAndGet();
    }

    @Override
    public void onResponse(int requestNumber, int attempt) {
        inFlight.decrementAndGet();
    }

    @Override
    public void onConcurrencyLimit(int newLimit) {
        limit.set(newLimit);
    }

    @Override
    public void onResults(List<ItemResult> results) {
        results.forEach(r -> byOutcome.incrementAndGet(r.outcome().ordinal()));
        done.addAndGet(results.size());
    }

    /** Stops the clock: the elapsed time stays what it is now. */
    public void finish() {
        finishedNanos.compareAndSet(Long.MIN_VALUE, nanoClock.getAsLong());
    }

    public Snapshot snapshot() {
        long end = finishedNanos.get();
        long now = end == Long.MIN_VALUE ? nanoClock.getAsLong() : end;
        Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
        for (DeleteOutcome outcome : DeleteOutcome.values()) {
            counts.put(outcome, byOutcome.get(outcome.ordinal()));
        }
        return new Snapshot(done.get(), total, Math.max(0, inFlight.get()), limit.get(), requestsSent.get(),
                Duration.ofNanos(Math.max(0, now - startedNanos)), counts);
    }

    /**
     * The job at one moment.
     *
     * @param done         items with an outcome (of any kind)
     * @param inFlight     requests sent and not yet answered
     * @param limit        requests the job may have in flight now (chosen, or found by the engine); 0 before the
     *                     engine has said
     * @param requestsSent requests sent so far, retries included
     * @param counts       outcomes so far, every {@link DeleteOutcome} present
     */
    public record Snapshot(int done, int total, int inFlight, int limit, int requestsSent, Duration elapsed,
                           Map<DeleteOutcome, Integer> counts) {

        public Snapshot {
            counts = Map.copyOf(counts);
        }

        /** Items per second since the start; 0 before the first outcome. */
        public double itemsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return done == 0 || seconds <= 0 ? 0 : done / seconds;
        }

        /** From 0 to 1. */
        public double fraction() {
            return total == 0 ? 1 : Math.min(1, (double) done / total);
        }

        /** The time left at the rate so far; empty until there is a rate. */
        public Optional<Duration> remaining() {
            double rate = itemsPerSecond();
            if (rate <= 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(Math.max(0, total - done) / rate * 1000)));
        }
    }
}
