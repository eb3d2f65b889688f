package org.bucketsweep.bench;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Records the time between JavaFX pulses. While it runs, JavaFX pulses about 60 times a second; a pulse comes
 * late when the JavaFX thread is busy with something else (a {@code runLater}, CSS, layout), and that is what a
 * person sees as a frozen window. Start, stop and read it on the JavaFX thread.
 */
final class PulseRecorder extends AnimationTimer {

    /** Gaps longer than this are a visible stutter. */
    static final long STUTTER_NANOS = 50_000_000;

    /** The gaps of one recording. */
    record PulseGaps(int pulses, long spanNanos, long longestNanos, long p99Nanos, long medianNanos,
                     int stutters) {
        double longestMs() {
            return longestNanos / 1e6;
        }

        double p99Ms() {
            return p99Nanos / 1e6;
        }
    }

    private long[] gaps = new long[4096];
    private int count;
    private long first = -1;
    private long last = -1;

    @Override
    public void handle(long now) {
        if (last >= 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            gaps[count++] = now - last;
        } else {
            first = now;
        }
        last = now;
    }

    @Override
    public void start() {
        count = 0;
        first = -1;
        last = -1;
        super.start();
    }

    PulseGaps gaps() {
        long[] sorted = Arrays.copyOf(gaps, count);
        int stutters = (int) Arrays.stream(sorted).filter(g -> g > STUTTER_NANOS).count();
        long longest = Arrays.stream(sorted).max().orElse(0);
        return new PulseGaps(count + 1, last - first, longest, Stats.percentile(sorted, 99),
                Stats.percentile(sorted, 50), stutters);
    }
}
