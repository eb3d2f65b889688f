package org.bucketsweep.ui.concurrent;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Work for the JavaFX thread timed by the pulses that lay out and paint a scene. */
public final class Pulses {

    private Pulses() {
    }

    /**
     * Runs {@code work} once, on the JavaFX thread, right after {@code scene}'s next CSS and layout pass: that frame
     * goes to the screen without what {@code work} changes, which the pulse after it lays out.
     */
    public static void afterNextLayout(Scene scene, Runnable work) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                work.run();
            }
        });
        Platform.requestNextPulse();
    }
}
