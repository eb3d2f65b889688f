package org.bucketsweep.model.delete;

import java.util.List;

/**
 * Hears a job as it runs. Calls come from the job's worker threads, one at a time (the engine serialises them),
 * so an implementation needs no locking of its own but must be quick: the UI batches them.
 */
@FunctionalInterface
public interface DeleteListener {

    /** Outcomes, as each response arrives. */
    void onResults(List<ItemResult> results);

    /** Just before a request is sent (for the journal). {@code attempt} counts from 1. */
    default void onRequest(int requestNumber, int attempt, List<VersionRef> items) {
    }

    /** The server answered that attempt, or it failed on the way (for counting requests in flight). */
    default void onResponse(int requestNumber, int attempt) {
    }

    /**
     * The number of requests the job may have in flight from now on: once at the start, then at each change when
     * the engine finds it ({@link DeleteOptions#ADAPTIVE}).
     */
    default void onConcurrencyLimit(int limit) {
    }

    /** Both listeners, {@code first} first: e.g. the journal, then the screen. */
    static DeleteListener both(DeleteListener first, DeleteListener second) {
        return new DeleteListener() {
            @Override
            public void onResults(List<ItemResult> results) {
                first.onResults(results);
                second.onResults(results);
            }

            @Override
            public void onRequest(int requestNumber, int attempt, List<VersionRef> items) {
                first.onRequest(requestNumber, attempt, items);
                second.onRequest(requestNumber, attempt, items);
            }

            @Override
            public void onResponse(int requestNumber, int attempt) {
                first.onResponse(requestNumber, attempt);
                second.onResponse(requestNumber, attempt);
            }

            @Override
            public void onConcurrencyLimit(int limit) {
                first.onConcurrencyLimit(limit);
                second.onConcurrencyLimit(limit);
            }
        };
    }
}
