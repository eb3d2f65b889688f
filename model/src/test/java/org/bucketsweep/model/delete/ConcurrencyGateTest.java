package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.delete.RequestSample.Signal;
import org.junit.jupiter.api.Test;

/**
 * Many workers through one gate, as an adaptive job runs them (a worker for each request it may ever have in flight).
 * The gate's own timed wait is an hour here, so a worker goes on only when the gate wakes it: a wake-up that goes
 * missing shows as a stall, not as a slow test.
 */
class ConcurrencyGateTest {

    private static final long AN_HOUR_MILLIS = 3_600_000;
    private static final int WORKERS = 32;
    private static final int REQUESTS_EACH = 40;

    @Test
    void anAnswerWakesOneWaitingWorkerNotAllOfThem() throws Exception {
        ConcurrencyGate gate = new ConcurrencyGate(ConcurrencyLimit.fixed(4), limit -> { }, AN_HOUR_MILLIS);

        int most = runWorkers(gate);

        assertThat(most).isLessThanOrEqualTo(4);
        // Waking every waiting worker on every answer came to more than 5 wake-ups per answer here.
        int answers = WORKERS * REQUESTS_EACH;
        assertThat(gate.wakeUps()).isLessThanOrEqualTo(2L * answers);
    }

    @Test
    void aGrowingLimitLetsAsManyMoreWorkersIn() throws Exception {
        // Slow start's shape: one more request in flight per answer, from 1 up to 16.
        ConcurrencyLimit growing = new ConcurrencyLimit() {
            private int limit = 1;

            @Override
            public int limit() {
                return limit;
            }

            @Override
            public void record(RequestSample sample) {
                limit = Math.min(16, limit + 1);
            }
        };
        List<Integer> limits = new ArrayList<>();
        ConcurrencyGate gate = new ConcurrencyGate(growing, limits::add, AN_HOUR_MILLIS);

        int most = runWorkers(gate);

        assertThat(most).isLessThanOrEqualTo(16);
        assertThat(limits).startsWith(2, 3, 4).endsWith(16);
    }

    /** Every worker sends its requests through the gate; returns the most that were ever in flight at once. */
    private static int runWorkers(ConcurrencyGate gate) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(pool.submit(() -> {
                    for (int r = 0; r < REQUESTS_EACH; r++) {
                        assertThat(gate.enter(() -> false)).isTrue();
                        long start = System.nanoTime();
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.yield();
                        inFlight.decrementAndGet();
                        gate.leave(new RequestSample(start, System.nanoTime(), 1000, Signal.ANSWERED));
                    }
                    return null;
                }));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }, "a worker waited for a wake-up that never came");
        } finally {
            pool.shutdownNow();
        }
        return most.get();
    }
}
