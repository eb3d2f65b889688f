package org.bucketsweep.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.bucketsweep.ui.main.Theme;

/**
 * One real view in a window of a realistic size, with the app's theme, and a way to record the JavaFX pulses while
 * something streams into it.
 */
abstract class WindowScenario implements AutoCloseable {

    static final double WIDTH = 1400;
    static final double HEIGHT = 860;
    /** Pulses recorded after the work ends: the last rows' layout and rendering belong to it. */
    private static final long SETTLE_MILLIS = 500;
    private static final long TIMEOUT_MINUTES = 30;

    private Stage stage;

    /** What the window shows; called on the JavaFX thread. */
    abstract Parent createView();

    /** What one run streams into the view, e.g. "100,000 results of a delete job". */
    abstract String label();

    /** The rows the view holds after a run. */
    abstract int rows();

    /** Shows the window and lets its first layout and CSS pass happen. */
    void open() throws Exception {
        FxThread.run(() -> {
            stage = new Stage();
            Scene scene = new Scene(createView(), WIDTH, HEIGHT);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.setTitle("BucketSweep bench: " + label());
            stage.show();
        });
        Thread.sleep(1000);
    }

    /**
     * Records the pulses while {@code work} (started on the JavaFX thread, as the app starts it from a button) runs
     * until {@code done} completes, and for a moment after.
     */
    static PulseRecorder.PulseGaps record(Runnable work, CompletableFuture<?> done) throws Exception {
        PulseRecorder recorder = new PulseRecorder();
        try (GcPauses gc = GcPauses.listen()) {
            FxThread.run(recorder::start);
            // A few pulses first, so that the first gap measured already includes the start of the work.
            Thread.sleep(100);
            FxThread.run(work);
            done.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            Thread.sleep(SETTLE_MILLIS);
            FxThread.run(recorder::stop);
            return FxThread.call(() -> recorder.recorded(gc));
        }
    }

    /** The pulses of the open window while nothing happens: what the machine itself does to them. */
    PulseRecorder.PulseGaps idle(long millis) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        return record(() -> CompletableFuture.runAsync(() -> done.complete(null),
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS)), done);
    }

    @Override
    public void close() throws Exception {
        if (stage != null) {
            FxThread.run(stage::close);
        }
    }
}
