package org.bucketsweep.model.delete;

/** How many requests a job may have in flight, and how that number follows the server's answers. */
interface ConcurrencyLimit {

    /** The number of requests that may be in flight now, at least 1. */
    int limit();

    /** Hears how one request went; may change {@link #limit()}. Called one at a time. */
    void record(RequestSample sample);

    /** Always {@code n}: what the person chose (or what an MFA job needs). */
    static ConcurrencyLimit fixed(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a fixed limit must be at least 1, was " + n);
        }
        return new ConcurrencyLimit() {
            @Override
            public int limit() {
                return n;
            }

            @Override
            public void record(RequestSample sample) {
            }
        };
    }
}
