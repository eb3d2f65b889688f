package org.bucketsweep.ui.browser;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bucketsweep.ui.concurrent.TaskRunner;

/**
 * Runs work on a background thread, like the application, and queues everything meant for the UI thread; the
 * test plays the UI thread with {@link #runUiUntil}. So a test sees exactly what the screen would between pages.
 */
final class QueuedUiTaskRunner implements TaskRunner, AutoCloseable {

    /** Only a guard against a hang: a working test never waits this long. */
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-task");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger running = new AtomicInteger();

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        running.incrementAndGet();
        pool.execute(() -> {
            try {
                T result = work.call();
                ui.add(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                ui.add(() -> onFailure.accept(e));
            } finally {
                running.decrementAndGet();
            }
        });
    }

    @Override
    public Executor ui() {
        return ui::add;
    }

    /** Runs what was handed to the UI thread, on this thread, until {@code condition} holds. */
    void runUiUntil(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the UI never reached the expected state");
            }
            Runnable next = ui.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }

    /** Waits until no background work runs, then runs everything it handed to the UI thread. */
    void runUiUntilIdle() throws InterruptedException {
        runUiUntil(() -> running.get() == 0 && ui.isEmpty());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
