package org.bucketsweep.app;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.bucketsweep.app.settings.AppDirectories;
import org.bucketsweep.app.settings.Settings.Appearance;
import org.bucketsweep.app.settings.Settings.WindowBounds;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.ui.concurrent.Pulses;
import org.bucketsweep.ui.dialog.FxDialogService;
import org.bucketsweep.ui.main.MainView;
import org.bucketsweep.ui.main.MainViewModel;
import org.bucketsweep.ui.main.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one main window. */
public final class BucketSweepApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(BucketSweepApp.class);
    private static final long LAUNCHED_AT = System.currentTimeMillis();
    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 780;

    private AppContext context;
    private List<Image> icons;

    @Override
    public void init() {
        // On the launcher thread, never the FX thread: the settings file (read by the launcher's early thread, or
        // here) and the window icons' PNGs.
        CompletableFuture<AppContext> early = Launcher.earlyContext();
        context = early != null ? early.join() : new AppContext(AppDirectories.forThisUser());
        icons = icons();
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        FxDialogService dialogs = new FxDialogService(() -> stage);
        MainViewModel model = context.mainViewModel(dialogs);
        Appearance appearance = context.settings().appearance();
        model.darkThemeProperty().set(appearance.darkTheme());
        model.columnWidths().putAll(appearance.columnWidths());
        Theme.follow(model.darkThemeProperty());

        Scene scene = new Scene(new MainView(model), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Theme.addStylesheet(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.getIcons().addAll(icons);
        restoreBounds(stage, context.settings().window());
        stage.setOnCloseRequest(e -> context.updateSettings(s -> s.withWindow(boundsOf(stage))
                .withAppearance(new Appearance(model.darkThemeProperty().get(), Map.copyOf(model.columnWidths())))));
        stage.show();
        // Shown is when the window's first frame is laid out (it is painted right after), not when show() returns:
        // that frame comes after start() has returned.
        Pulses.afterNextLayout(scene, () -> {
            long shown = System.currentTimeMillis() - LAUNCHED_AT;
            LOG.info("Main window shown {} ms after launch", shown);
            if (options.exitWhenReady()) {
                // For the start-up bench: the window is there, before the demo sandbox or the connection is.
                System.out.println("WINDOW " + shown + " ms");
            }
        });

        model.checkUnfinishedJobs();
        if (options.exitWhenReady()) {
            exitOnceBucketsShow(model);
        }
        if (options.demo()) {
            model.openDemoSandbox();
        } else {
            ConnectionSettings restore = context.connectionToRestore();
            if (restore != null) {
                model.connect(restore);
            }
        }
    }

    @Override
    public void stop() {
        context.close();
    }

    /** For the installer smoke test: exits 0 as soon as the window lists buckets. */
    private static void exitOnceBucketsShow(MainViewModel model) {
        model.buckets().buckets().addListener(new ListChangeListener<BucketSummary>() {
            @Override
            public void onChanged(Change<? extends BucketSummary> change) {
                if (!model.buckets().buckets().isEmpty()) {
                    model.buckets().buckets().removeListener(this);
                    System.out.println("READY " + (System.currentTimeMillis() - LAUNCHED_AT) + " ms: "
                            + model.buckets().buckets().size() + " buckets shown");
                    Platform.exit();
                }
            }
        });
    }

    private static List<Image> icons() {
        return List.of(16, 32, 48, 64, 128, 256).stream()
                .map(size -> BucketSweepApp.class.getResource("icons/bucketsweep-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }

    private static void restoreBounds(Stage stage, WindowBounds bounds) {
        if (bounds == null) {
            stage.setWidth(DEFAULT_WIDTH);
            stage.setHeight(DEFAULT_HEIGHT);
            return;
        }
        // Only where the window would still be visible: the screen it was on may be gone.
        boolean onScreen = !Screen.getScreensForRectangle(
                new Rectangle2D(bounds.x(), bounds.y(), Math.max(1, bounds.width()), Math.max(1, bounds.height())))
                .isEmpty();
        if (onScreen) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setWidth(Math.max(640, bounds.width()));
        stage.setHeight(Math.max(420, bounds.height()));
        stage.setMaximized(bounds.maximized());
    }

    private static WindowBounds boundsOf(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
    }

}
