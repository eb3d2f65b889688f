package org.bucketsweep.app.cli;

import java.util.Locale;

/** How the commands write counts and sizes for people (stderr), always in the root locale. */
final class CliText {

    private CliText() {
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** {@code 1.5 KiB (1,536 bytes)}: the rounded figure to read, the exact one to check. */
    static String bytes(long n) {
        String exact = String.format(Locale.ROOT, "%,d bytes", n);
        if (n < 1024) {
            return n == 1 ? "1 byte" : exact;
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%s)", value, units[unit], exact);
    }
}
