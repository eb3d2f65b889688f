package org.bucketsweep.app;

import javafx.application.Application;
import org.bucketsweep.app.cli.Cli;
import org.bucketsweep.app.settings.AppDirectories;
import org.slf4j.LoggerFactory;

/**
 * The entry point. It does not extend {@link Application}, so a plain {@code java -jar bucketsweep.jar} can start
 * JavaFX from the class path.
 */
public final class Launcher {

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
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "logging-init");
        logging.setDaemon(true);
        logging.start();
        Application.launch(BucketSweepApp.class, args);
    }
}
