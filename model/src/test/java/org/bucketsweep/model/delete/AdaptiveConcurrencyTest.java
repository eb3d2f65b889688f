package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntToDoubleFunction;
import org.bucketsweep.model.delete.RequestSample.Signal;
import org.junit.jupiter.api.Test;

/**
 * The controller on made-up servers: a simulated clock, requests that take as long as a server of a given shape
 * would need. Nothing here waits or measures real time.
 */
class AdaptiveConcurrencyTest {

    private static final long MS = 1_000_000L;

    @Test
    void startsSmallAndGrowsWhileThroughputGrows() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();
        assertThat(control.limit()).isEqualTo(AdaptiveConcurrency.START);

        // Each request in flight adds 100 keys/s, up to 12 requests: beyond that the server is full.
        List<Integer> limits = simulate(control, 200, c -> Math.min(c, 12) * 100.0);

        assertThat(limits).contains(4, 8);
        assertThat(control.limit()).isBetween(10, AdaptiveConcurrency.MAX);
    }

    @Test
    void staysLowOnAServerThatOneRequestAlreadyFills() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();

        simulate(control, 200, c -> 1000.0);

        assertThat(control.inSlowStart()).isFalse();
        assertThat(control.limit()).isLessThanOrEqualTo(4);
    }

    @Test
    void neverGoesBeyondItsBounds() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();
        simulate(control, 2000, c -> c * 100.0);
        assertThat(control.limit()).isEqualTo(AdaptiveConcurrency.MAX);

        long t = 1_000_000 * MS;
        for (int i = 0; i < 50; i++) {
            control.record(new RequestSample(t, t + 10 * MS, 1000, Signal.THROTTLED));
            t += 20 * MS;
        }
        assertThat(control.limit()).isEqualTo(AdaptiveConcurrency.MIN);
    }

    @Test
    void slowDownHalvesTheLimitOncePerRoundTrip() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(16, 1, 32);

        control.record(new RequestSample(0, 100 * MS, 1000, Signal.THROTTLED));
        assertThat(control.limit()).isEqualTo(8);

        // Sent before the cut: the cut already answered for it.
        control.record(new RequestSample(50 * MS, 120 * MS, 1000, Signal.THROTTLED));
        assertThat(control.limit()).isEqualTo(8);

        control.record(new RequestSample(130 * MS, 200 * MS, 1000, Signal.THROTTLED));
        assertThat(control.limit()).isEqualTo(4);
        assertThat(control.inSlowStart()).isFalse();
    }

    @Test
    void timeoutsAndResetsBackOffLikeSlowDown() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(10, 1, 32);

        control.record(new RequestSample(0, 100 * MS, 1000, Signal.TIMED_OUT));

        assertThat(control.limit()).isEqualTo(5);
    }

    @Test
    void failuresThatSayNothingAboutLoadChangeNothing() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(6, 1, 32);

        for (int i = 0; i < 20; i++) {
            control.record(new RequestSample(i * MS, (i + 1) * MS, 1000, Signal.OTHER));
        }

        assertThat(control.limit()).isEqualTo(6);
        assertThat(control.inSlowStart()).isTrue();
    }

    @Test
    void latencyWellAboveTheBestSeenTakesAQuarterOff() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(8, 1, 32);
        control.record(new RequestSample(0, 100 * MS, 1000, Signal.ANSWERED));
        int before = control.limit();

        control.record(new RequestSample(100 * MS, 100 * MS + 100 * MS * 5, 1000, Signal.ANSWERED));

        assertThat(control.limit()).isEqualTo(before - before / 4);
    }

    @Test
    void aSmallRequestsFixedCostIsNotTakenForQueueing() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(8, 1, 32);
        control.record(new RequestSample(0, 100 * MS, 1000, Signal.ANSWERED));
        int before = control.limit();

        // 3 keys in 20 ms is far slower per key than 1000 in 100 ms, but it is the request's fixed cost.
        control.record(new RequestSample(100 * MS, 120 * MS, 3, Signal.ANSWERED));

        assertThat(control.limit()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void growsBackAfterABackOffWhenThroughputGrowsAgain() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(16, 1, 32);
        control.record(new RequestSample(0, 10 * MS, 1000, Signal.THROTTLED));
        control.record(new RequestSample(20 * MS, 30 * MS, 1000, Signal.THROTTLED));
        assertThat(control.limit()).isEqualTo(4);

        simulate(control, 300, c -> Math.min(c, 10) * 100.0);

        assertThat(control.limit()).isGreaterThan(4);
    }

    /**
     * Runs {@code requests} requests of 1000 keys against a server whose throughput with {@code c} requests in
     * flight is {@code keysPerSecond(c)}, shared evenly; returns every limit the controller chose, in order.
     */
    private static List<Integer> simulate(AdaptiveConcurrency control, int requests,
                                          IntToDoubleFunction keysPerSecond) {
        record InFlight(long start, long end) {
        }
        PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a.end, b.end));
        List<Integer> limits = new ArrayList<>(List.of(control.limit()));
        long now = 0;
        int sent = 0;
        while (sent < requests || !inFlight.isEmpty()) {
            while (sent < requests && inFlight.size() < control.limit()) {
                int c = inFlight.size() + 1;
                long nanos = Math.round(1000 / (keysPerSecond.applyAsDouble(c) / c) * 1e9);
                inFlight.add(new InFlight(now, now + nanos));
                sent++;
            }
            InFlight done = inFlight.poll();
            now = done.end;
            control.record(new RequestSample(done.start, done.end, 1000, Signal.ANSWERED));
            if (control.limit() != limits.get(limits.size() - 1)) {
                limits.add(control.limit());
            }
        }
        return limits;
    }
}
