package org.bucketsweep.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What Ctrl+C does while a delete job plans or runs. */
@FunctionalInterface
public interface Interrupts {

    /**
     * Arranges for {@code cancel} to run when the person presses Ctrl+C (or the process is asked to stop) while a
     * job runs.
     *
     * @return the handle on which the job reports that it is over, with its exit code
     */
    Handle install(Runnable cancel);

    /** The end of the job that installed the handler. */
    @FunctionalInterface
    interface Handle {
        /** The job is over and its output written; Ctrl+C from now on ends the process at once. */
        void finished(int exitCode);
    }

    /** Nothing happens on Ctrl+C beyond the JVM's default (for tests that do not interrupt). */
    static Interrupts none() {
        return cancel -> exitCode -> { };
    }

    /**
     * A JVM shutdown hook that cancels the job, waits until the requests in flight have finished and the rest is
     * reported {@code NOT_ATTEMPTED}, then ends the process with the job's exit code.
     */
    static Interrupts shutdownHook() {
        return cancel -> {
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger exitCode = new AtomicInteger(2);
            Thread hook = new Thread(() -> {
                if (done.getCount() == 0) {
                    return;
                }
                System.err.println();
                System.err.println("Cancelling: the requests in flight finish, the rest is not attempted.");
                cancel.run();
                try {
                    // Longer than one request's attempt timeout (90 s), so that an answer in flight is recorded.
                    if (done.await(100, TimeUnit.SECONDS)) {
                        System.err.flush();
                        // The main thread is blocked in System.exit by now, or will be; the JVM would exit with 130.
                        Runtime.getRuntime().halt(exitCode.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bucketsweep-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            return code -> {
                exitCode.set(code);
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it ends the process with this code.
                }
            };
        };
    }
}
