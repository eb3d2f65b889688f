package org.bucketsweep.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Background work yields to the JavaFX thread: the task runner's threads, and the ones they start. */
class FxTaskRunnerTest {

    @Test
    void tasksAndTheThreadsTheyStartRunAtTheLowestPriority() throws Exception {
        FxToolkit.registerPrimaryStage();
        CompletableFuture<List<Object>> seen = new CompletableFuture<>();
        try (FxTaskRunner tasks = new FxTaskRunner()) {
            tasks.run("priorities", () -> {
                AtomicInteger worker = new AtomicInteger();
                Thread started = new Thread(() -> worker.set(Thread.currentThread().getPriority()));
                started.start();
                started.join();
                return List.of(Thread.currentThread().getPriority(), worker.get());
            }, result -> seen.complete(List.of(result.get(0), result.get(1), Platform.isFxApplicationThread())),
                    seen::completeExceptionally);

            assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly(Thread.MIN_PRIORITY, Thread.MIN_PRIORITY, true);
        }
    }
}
