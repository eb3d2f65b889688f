package org.bucketsweep.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a pool of daemon threads and hands results to the JavaFX application thread.
 *
 * <p>The threads run at {@link Thread#MIN_PRIORITY}, and so do the threads they start (delete workers, status calls),
 * which inherit it: when listing or deleting keeps both cores busy, the JavaFX thread gets a core first and the
 * window keeps drawing. The JVM applies Java priorities on Linux only with {@code -XX:ThreadPriorityPolicy=1}, which
 * the installed app's runtime carries (installers/README.md); without it they change nothing.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService pool = Executors.newCachedThreadPool(new NamedDaemonThreads());

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            Thread.currentThread().setName("task: " + name);
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                LOG.debug("Task '{}' failed", name, e);
                Platform.runLater(() -> onFailure.accept(e));
            } finally {
                Thread.currentThread().setName("task: idle");
            }
        });
    }

    @Override
    public java.util.concurrent.Executor ui() {
        return Platform::runLater;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "task-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }
    }
}
