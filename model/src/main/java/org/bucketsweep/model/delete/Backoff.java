package org.bucketsweep.model.delete;

import org.bucketsweep.model.CancellationToken;

/** The pause between attempts of one request, cut short by a cancel. */
final class Backoff {

    private final RetryPolicy policy;
    private final CancellationToken cancel;

    Backoff(RetryPolicy policy, CancellationToken cancel) {
        this.policy = policy;
        this.cancel = cancel;
    }

    int maxAttempts() {
        return policy.maxAttempts();
    }

    /** Waits before the next attempt; false when the job was cancelled meanwhile. */
    boolean pause(int attempt) {
        long until = System.nanoTime() + policy.delayAfter(attempt).toNanos();
        try {
            while (System.nanoTime() < until) {
                if (cancel.isCancelled()) {
                    return false;
                }
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !cancel.isCancelled();
    }
}
