package org.bucketsweep.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way view models run work off the UI thread. The application runs work on a pool and callbacks on the
 * JavaFX thread; view-model tests run both on the calling thread.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. A failure
     * always reaches {@code onFailure}: nothing is swallowed.
     */
    <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs on the UI thread; the only door to it for background code. */
    Executor ui();
}
