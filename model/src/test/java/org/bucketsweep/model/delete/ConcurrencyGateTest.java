package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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
    void aLimitThatGrowsLetsThatManyWaitingWorkersInAtOnce() throws Exception {
        // One request in flight until the first answer, then 16: slow start's jump, in one step.
        int grown = 16;
        ConcurrencyLimit growing = new ConcurrencyLimit() {
            private int limit = 1;

            @Override
            public int limit() {
                return limit;
            }

            @Override
            public void record(RequestSample sample) {
                limit = grown;
            }
        };
        ConcurrencyGate gate = new ConcurrencyGate(growing, limit -> { }, AN_HOUR_MILLIS);
        AtomicBoolean firstAnswered = new AtomicBoolean();
        // Each request stays in flight until all 16 are: that needs the 15 waiting workers woken by the one answer.
        CountDownLatch allInFlight = new CountDownLatch(grown);
        ExecutorService pool = Executors.newFixedThreadPool(grown);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < grown; w++) {
                workers.add(pool.submit(() -> {
                    assertThat(gate.enter(() -> false)).isTrue();
                    if (firstAnswered.compareAndSet(false, true)) {
                        // The answer comes once every other worker waits for a slot.
                        while (gate.waiting() < grown - 1) {
                            Thread.sleep(1);
                        }
                        gate.leave(answer());
                        assertThat(gate.enter(() -> false)).isTrue();
                    }
                    allInFlight.countDown();
                    allInFlight.await();
                    gate.leave(answer());
                    return null;
                }));
            }
            awaitAll(workers);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RequestSample answer() {
        long now = System.nanoTime();
        return new RequestSample(now, now, 1000, Signal.ANSWERED);
    }

    private static void awaitAll(List<Future<?>> workers) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (Future<?> worker : workers) {
                worker.get();
            }
        }, "a worker waited for a wake-up that never came");
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
            awaitAll(workers);
        } finally {
            pool.shutdownNow();
        }
        return most.get();
    }
}
