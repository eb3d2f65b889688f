package org.bucketsweep.bench;

import java.util.Arrays;
import java.util.Collection;

/** Medians and percentiles of a few measured values. */
final class Stats {

    private Stats() {
    }

    static double median(Collection<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The nearest-rank percentile {@code p} (0..100) of {@code values}, which it sorts. */
    static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }
}
