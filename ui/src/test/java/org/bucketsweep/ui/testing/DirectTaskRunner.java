package org.bucketsweep.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.bucketsweep.ui.concurrent.TaskRunner;

/** Runs work and callbacks on the calling thread, so a view-model test reads results right after the call. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public Executor ui() {
        return Runnable::run;
    }
}
