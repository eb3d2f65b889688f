package org.bucketsweep.ui.main;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The AtlantaFX theme and BucketSweep's own stylesheet on top of it. */
public final class Theme {

    private Theme() {
    }

    /** Sets the theme for the whole application and adds our stylesheet to {@code scene}. */
    public static void apply(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(Theme.class.getResource("bucketsweep.css").toExternalForm());
    }
}
