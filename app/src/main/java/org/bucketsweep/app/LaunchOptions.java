package org.bucketsweep.app;

import java.util.List;

/**
 * The window's command-line flags.
 *
 * @param demo          start on the demo sandbox
 * @param exitWhenReady exit 0 once the bucket list shows (installer smoke test)
 */
record LaunchOptions(boolean demo, boolean exitWhenReady) {

    static LaunchOptions parse(List<String> args) {
        return new LaunchOptions(args.contains("--demo"), args.contains("--exit-when-ready"));
    }
}
