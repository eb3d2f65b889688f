package org.bucketsweep.model;

/** Asked between pages and between requests; set by whoever started the work. */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
