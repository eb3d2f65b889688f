package org.bucketsweep.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/** The AtlantaFX theme, light or dark as the person chose, and BucketSweep's own stylesheet on top of it. */
public final class Theme {

    private Theme() {
    }

    /** The light theme, for a view shown on its own (tests, tools). */
    public static void apply(Scene scene) {
        apply(scene, new SimpleBooleanProperty(false));
    }

    /** Adds our stylesheet to {@code scene} and sets the application's theme now and whenever {@code dark} changes. */
    public static void apply(Scene scene, ObservableValue<Boolean> dark) {
        use(Boolean.TRUE.equals(dark.getValue()));
        dark.addListener((obs, was, now) -> use(Boolean.TRUE.equals(now)));
        scene.getStylesheets().add(Theme.class.getResource("bucketsweep.css").toExternalForm());
    }

    private static void use(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
