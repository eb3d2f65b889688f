package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
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

        // Each request in flight adds 100 keys/s, up to 20 requests: beyond that the server is full.
        List<Integer> limits = simulate(control, 200, c -> Math.min(c, 20) * 100.0);

        assertThat(limits).contains(8, 16);
        assertThat(control.limit()).isBetween(18, AdaptiveConcurrency.MAX);
    }

    @Test
    void doesNotKeepGrowingOnAServerThatOneRequestAlreadyFills() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();

        // 1000 keys/s however many are in flight: a 1000-key request takes as many seconds as there are in flight.
        List<Integer> limits = simulate(control, 400, c -> 1000.0);

        assertThat(control.inSlowStart()).isFalse();
        // It reaches the top in slow start, then gives back what bought nothing.
        assertThat(limits).contains(AdaptiveConcurrency.MAX - 1);
        assertThat(lastOf(limits, 6)).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(20));
    }

    @Test
    void aBusyServerThatStillGainsFromMoreInFlightIsNotCutForItsGrowingLatency() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();

        // Shaped like Ceph RGW deleting markers here: 276 keys/s at 1 in flight, 580 at 8, 627 at 16. A 1000-key
        // request takes 14 s at 8 in flight and 25 s at 16, far above the 1.7 s at 1.
        List<Integer> limits = simulate(control, 100, c -> 660.0 * c / (c + 1.4));

        assertThat(limits).contains(16);
        assertThat(control.limit()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aRoundThatLostThroughputInSlowStartGivesBackItsExtraRequests() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();

        // Shaped like local-s3 sharing the client's 2 cores: best at 16 in flight, and each doubling beyond it
        // loses a fifth (16,000 keys/s at 16, 12,800 at 32).
        List<Integer> limits = simulate(control, 400, c -> c <= 16 ? c * 1000.0 : 16_000 * Math.pow(16.0 / c, 0.32));

        assertThat(control.inSlowStart()).isFalse();
        assertThat(limits).contains(16, 32);
        assertThat(lastOf(limits, 4)).allSatisfy(l -> assertThat(l).isBetween(14, 18));
        assertThat(control.limit()).isBetween(14, 18);
    }

    @Test
    void onAFastServerRoundsOutlastTheMachinesHiccups() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();

        // Shaped like local-s3 on this machine: 200,000 keys/s from 8 in flight up, a 1000-key request answered in
        // 40 ms at up to 8, and one request in seven held up by 40 ms more, as when its thread waits for a CPU.
        // Rounds of a few requests then measure the hiccups, not the limit.
        List<Integer> limits = simulate(control, 2000, c -> Math.min(c, 8) * 25_000.0,
                n -> n % 7 == 3 ? 40 * MS : 0);

        assertThat(limits).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(6));
        assertThat(control.limit()).isBetween(6, 20);
    }

    @Test
    void aRequestAnsweredNearTheTimeoutTakesAQuarterOff() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(16, 1, 32);
        control.record(new RequestSample(0, 100 * MS, 1000, Signal.ANSWERED));
        int before = control.limit();

        control.record(new RequestSample(100 * MS, 100 * MS + AdaptiveConcurrency.LATENCY_CEILING_NANOS + MS, 1000,
                Signal.ANSWERED));

        assertThat(control.limit()).isEqualTo(before - before / 4);
        assertThat(control.inSlowStart()).isFalse();
    }

    @Test
    void onAServerTooSlowForManyInFlightItSettlesBelowTheLatencyCeiling() {
        AdaptiveConcurrency control = new AdaptiveConcurrency();

        // 400 keys/s at most: a 1000-key request takes 2.5 s per request in flight, 40 s at 16.
        List<Integer> limits = simulate(control, 300, c -> 400.0 * c / (c + 1.0));

        assertThat(lastOf(limits, 6)).allSatisfy(l -> assertThat(l).isBetween(4, 16));
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
    void growsBackAfterABackOffWhenThroughputGrowsAgain() {
        AdaptiveConcurrency control = new AdaptiveConcurrency(16, 1, 32);
        control.record(new RequestSample(0, 10 * MS, 1000, Signal.THROTTLED));
        control.record(new RequestSample(20 * MS, 30 * MS, 1000, Signal.THROTTLED));
        assertThat(control.limit()).isEqualTo(4);

        simulate(control, 300, c -> Math.min(c, 10) * 100.0);

        assertThat(control.limit()).isGreaterThan(4);
    }

    private static List<Integer> lastOf(List<Integer> limits, int n) {
        return limits.subList(Math.max(0, limits.size() - n), limits.size());
    }

    /**
     * Runs {@code requests} requests of 1000 keys against a server whose throughput with {@code c} requests in
     * flight is {@code keysPerSecond(c)}, shared evenly; returns every limit the controller chose, in order.
     */
    private static List<Integer> simulate(AdaptiveConcurrency control, int requests,
                                          IntToDoubleFunction keysPerSecond) {
        return simulate(control, requests, keysPerSecond, n -> 0);
    }

    /** As above, request {@code n} (from 0) taking {@code delayNanos(n)} longer than the server needs. */
    private static List<Integer> simulate(AdaptiveConcurrency control, int requests,
                                          IntToDoubleFunction keysPerSecond, IntToLongFunction delayNanos) {
        record InFlight(long start, long end) {
        }
        PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a.end, b.end));
        List<Integer> limits = new ArrayList<>(List.of(control.limit()));
        long now = 0;
        int sent = 0;
        while (sent < requests || !inFlight.isEmpty()) {
            while (sent < requests && inFlight.size() < control.limit()) {
                int c = inFlight.size() + 1;
                long nanos = Math.round(1000 / (keysPerSecond.applyAsDouble(c) / c) * 1e9)
                        + delayNanos.applyAsLong(sent);
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
