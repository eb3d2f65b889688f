package org.bucketsweep.ui.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.bucketsweep.ui.concurrent.TaskRunner;

/**
 * Holds the background work until a test runs it, with its completion, on the calling thread: the test sees what the
 * UI shows while the work is under way, and decides in which order tasks end.
 */
public final class HeldTaskRunner implements TaskRunner {

    private final DirectTaskRunner direct = new DirectTaskRunner();
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        held.add(() -> direct.run(name, work, onSuccess, onFailure));
    }

    @Override
    public Executor ui() {
        return Runnable::run;
    }

    /** How many tasks wait. */
    public int held() {
        return held.size();
    }

    /** Runs the held tasks from the newest to the oldest, once each. */
    public void completeNewestFirst() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        Collections.reverse(now);
        now.forEach(Runnable::run);
    }

    /** Runs the held tasks, oldest first, and those they start, until none is left. */
    public void completeAll() {
        while (!held.isEmpty()) {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }
}
