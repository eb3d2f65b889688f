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
        follow(dark);
        addStylesheet(scene);
    }

    /**
     * Sets the application's theme now and whenever {@code dark} changes. Called before the first control is made,
     * it also spares the start-up JavaFX's own theme: the first control's class loads Modena (138 KB of CSS to
     * parse) when no theme is set yet.
     */
    public static void follow(ObservableValue<Boolean> dark) {
        use(Boolean.TRUE.equals(dark.getValue()));
        dark.addListener((obs, was, now) -> use(Boolean.TRUE.equals(now)));
    }

    /** Adds BucketSweep's own stylesheet, which goes on top of the theme, to {@code scene}. */
    public static void addStylesheet(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("bucketsweep.css").toExternalForm());
    }

    private static void use(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
