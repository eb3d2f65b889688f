package org.bucketsweep.model.delete;

/**
 * Finds the number of requests in flight that gets the most keys per second out of this server, so that nobody has
 * to tune it. Plain arithmetic on the samples it is given (no clock of its own), so tests drive it with made-up times.
 *
 * <p>It works in rounds: a round ends when as many requests have been answered as the limit allowed at its start,
 * and at least {@link #MIN_ROUND_NANOS} have passed; its throughput is the keys answered in it over its length.
 * <ul>
 *   <li><b>Slow start</b>: from {@link #START}, one more for each of a round's first answers, as many as the round
 *       started with (doubling each round), while each round's throughput beats the one before by
 *       {@value #SLOW_START_GAIN}x. A round that does not ends it. If that round still gained a little, the limit
 *       goes back to what it started with; if it lost throughput, to what the round before it started with, since
 *       its extra requests only cost.</li>
 *   <li><b>Steady</b>: every {@value #ROUNDS_BETWEEN_PROBES} rounds one more request is tried; it stays (and another
 *       is tried) if that round beat the one before by {@value #STEADY_GAIN}x, else it is given back. A round that
 *       falls below {@value #STEADY_LOSS}x of the one before takes one off.</li>
 *   <li><b>Back off</b>: SlowDown, 503, throttling, a timeout or a reset halves the limit; a request answered after
 *       more than {@link #LATENCY_CEILING_NANOS} (a third of the 120 s a delete request may take before it is sent
 *       again) takes a quarter off, so that answers keep coming well before the timeout would resend them. Either
 *       happens at most once per round trip: answers to requests sent before the cut were already counted in it, as
 *       TCP does. Latency that grows with the requests in flight is not a back-off signal by itself: a server that
 *       is already busy answers each request later when more are queued (Ceph RGW takes 10-40 s for a 1000-key
 *       request at 8-16 in flight), and whether that pays is what the rounds' throughput says.</li>
 * </ul>
 * The limit always stays within {@link #MIN}..{@link #MAX}.
 */
final class AdaptiveConcurrency implements ConcurrencyLimit {

    /**
     * Where slow start begins. A job is often only a few dozen 1000-key requests, over before a low start has grown:
     * on Ceph RGW a start from 4 spent half of a 20-request job below the 16 that the plain SDK loop does best with.
     * Eight is half of that; a server that cannot take eight answers SlowDown, which halves it at once.
     */
    static final int START = 8;
    static final int MIN = 1;
    static final int MAX = 32;
    static final double SLOW_START_GAIN = 1.10;
    static final double STEADY_GAIN = 1.03;
    static final double STEADY_LOSS = 0.85;
    static final long LATENCY_CEILING_NANOS = 40_000_000_000L;
    static final int ROUNDS_BETWEEN_PROBES = 3;
    /**
     * A round lasts at least this long. On local-s3, which answers a 1000-key request in 10-50 ms, rounds of 8
     * requests took 10-90 ms and their rates spread over 5x with the limit unchanged: the machine's scheduling, not
     * the limit, decided them, and the steady rounds walked the limit down to 1.
     */
    static final long MIN_ROUND_NANOS = 200_000_000L;

    private final int min;
    private final int max;
    private int limit;
    private boolean slowStart = true;
    /** The last round ran with one request more than the one before, to see whether it pays. */
    private boolean probing;
    private int roundsUntilProbe;

    private boolean roundOpen;
    private long roundStartNanos;
    private int roundLimit;
    /** What the round before this one started with. */
    private int previousRoundLimit;
    private int roundAnswers;
    private long roundKeys;
    /** Keys per second of the last finished round; 0 before there is one (or after a cut). */
    private double previousRate;

    private final long latencyCeilingNanos;
    /** Requests sent before this moment were in flight when the limit was last cut. */
    private long lastCutNanos = Long.MIN_VALUE;

    AdaptiveConcurrency() {
        this(START, MIN, MAX);
    }

    AdaptiveConcurrency(int start, int min, int max) {
        this(start, min, max, LATENCY_CEILING_NANOS);
    }

    AdaptiveConcurrency(int start, int min, int max, long latencyCeilingNanos) {
        if (min < 1 || max < min || start < min || start > max) {
            throw new IllegalArgumentException("need 1 <= min <= start <= max, got " + min + ", " + start + ", "
                    + max);
        }
        this.min = min;
        this.max = max;
        this.limit = start;
        this.latencyCeilingNanos = latencyCeilingNanos;
    }

    @Override
    public synchronized int limit() {
        return limit;
    }

    /** Still doubling; for tests and the log. */
    synchronized boolean inSlowStart() {
        return slowStart;
    }

    @Override
    public synchronized void record(RequestSample s) {
        switch (s.signal()) {
            case THROTTLED, TIMED_OUT -> {
                if (s.startNanos() >= lastCutNanos) {
                    cut(s.endNanos(), limit / 2);
                }
            }
            case OTHER -> {
                // Says nothing about load: neither counted nor acted on.
            }
            case ANSWERED -> answered(s);
        }
    }

    private void answered(RequestSample s) {
        if (s.keys() <= 0) {
            return;
        }
        if (s.nanos() > latencyCeilingNanos && s.startNanos() >= lastCutNanos) {
            cut(s.endNanos(), limit - Math.max(1, limit / 4));
            return;
        }
        if (!roundOpen) {
            openRound(s.startNanos());
        }
        roundAnswers++;
        roundKeys += s.keys();
        if (slowStart && roundAnswers <= roundLimit) {
            limit = Math.min(max, limit + 1);
        }
        if (roundAnswers >= roundLimit && s.endNanos() - roundStartNanos >= MIN_ROUND_NANOS) {
            endRound(s.endNanos());
        }
    }

    private void endRound(long nowNanos) {
        double rate = roundKeys * 1e9 / Math.max(1, nowNanos - roundStartNanos);
        if (previousRate > 0) {
            if (slowStart) {
                if (rate < previousRate * SLOW_START_GAIN) {
                    slowStart = false;
                    // A server that shares the client's cores (local-s3 on 2 cores) does worst at the most in
                    // flight: doubling to 32 lost throughput there. Ceph RGW gains 8 % from 8 to 16: it keeps 16.
                    limit = Math.max(min, rate < previousRate ? previousRoundLimit : roundLimit);
                    roundsUntilProbe = ROUNDS_BETWEEN_PROBES;
                }
            } else if (probing) {
                if (rate >= previousRate * STEADY_GAIN) {
                    limit = Math.min(max, limit + 1);
                } else {
                    // The extra request bought nothing: give it back, and try again a few rounds later.
                    limit = Math.max(min, limit - 1);
                    probing = false;
                    roundsUntilProbe = ROUNDS_BETWEEN_PROBES;
                }
            } else if (rate < previousRate * STEADY_LOSS) {
                limit = Math.max(min, limit - 1);
            } else if (--roundsUntilProbe <= 0) {
                limit = Math.min(max, limit + 1);
                probing = limit > roundLimit;
            }
        }
        previousRate = rate;
        openRound(nowNanos);
    }

    private void cut(long nowNanos, int newLimit) {
        limit = Math.max(min, Math.min(limit - 1, newLimit));
        slowStart = false;
        probing = false;
        roundsUntilProbe = ROUNDS_BETWEEN_PROBES;
        lastCutNanos = nowNanos;
        previousRate = 0;
        roundOpen = false;
    }

    private void openRound(long startNanos) {
        roundOpen = true;
        roundStartNanos = startNanos;
        previousRoundLimit = roundLimit;
        roundLimit = limit;
        roundAnswers = 0;
        roundKeys = 0;
    }
}
