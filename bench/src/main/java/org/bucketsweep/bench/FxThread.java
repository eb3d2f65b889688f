package org.bucketsweep.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/** The JavaFX thread, from the bench's own thread. */
final class FxThread {

    private FxThread() {
    }

    /** Starts JavaFX (headless Monocle with the suite's JVM options) and keeps it running without a window. */
    static void start() throws InterruptedException, ExecutionException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get();
    }

    /** Runs {@code work} on the JavaFX thread and waits for its result. */
    static <T> T call(Callable<T> work) throws InterruptedException, ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    static void run(Runnable work) throws InterruptedException, ExecutionException {
        call(() -> {
            work.run();
            return null;
        });
    }
}
