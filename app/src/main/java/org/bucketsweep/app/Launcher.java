package org.bucketsweep.app;

import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import org.bucketsweep.app.cli.Cli;
import org.bucketsweep.app.settings.AppDirectories;
import org.slf4j.LoggerFactory;

/**
 * The entry point. It does not extend {@link Application}, so a plain {@code java -jar bucketsweep.jar} can start
 * JavaFX from the class path.
 */
public final class Launcher {

    /** The application's context, being made while the JavaFX toolkit starts; null until main() starts it. */
    private static volatile CompletableFuture<AppContext> earlyContext;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("""
                    Usage: bucketsweep [--demo]
                           bucketsweep COMMAND [OPTIONS]
                           bucketsweep help [COMMAND]

                    Commands: list-versions, usage, delete, list-uploads, abort-uploads, delete-bucket,
                              lifecycle (list, add, remove)

                      --demo    start on the demo sandbox: a local S3 server with sample buckets
                    """);
            return;
        }
        // Before the first logger: logback.xml writes to the data directory.
        System.setProperty("bucketsweep.logdir",
                AppDirectories.forThisUser().data().resolve("logs").toString());
        if (Cli.handles(args)) {
            // The command line: JavaFX is never started.
            System.exit(Cli.runOnConsole(args));
        }
        // Logging starts (logback reads its configuration) beside the JavaFX toolkit's own start, instead of on the
        // JavaFX thread before the window, where the first logger would start it.
        daemon(LoggerFactory::getILoggerFactory, "logging-init").start();
        // The settings are read, and the services made, beside the toolkit's start too.
        earlyContext = CompletableFuture.supplyAsync(() -> new AppContext(AppDirectories.forThisUser()),
                runnable -> daemon(runnable, "settings-init").start());
        Application.launch(BucketSweepApp.class, args);
    }

    /** For {@link BucketSweepApp#init()}: the context main() started to make, or null (a test launched the app). */
    static CompletableFuture<AppContext> earlyContext() {
        return earlyContext;
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
