package org.bucketsweep.ui.format;

import java.time.Duration;
import java.util.Locale;

/** Elapsed and remaining times and rates, as people read them. */
public final class Durations {

    private Durations() {
    }

    /** "0.4 s", "12 s", "3 min 05 s", "2 h 07 min". */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** "1,234 items/s" with grouping; "–" when there is no rate yet. */
    public static String rate(double itemsPerSecond) {
        return itemsPerSecond <= 0 ? "–" : String.format(Locale.ROOT, "%,d items/s", Math.round(itemsPerSecond));
    }
}
