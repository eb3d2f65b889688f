package org.bucketsweep.app.cli;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's own warnings and errors (an unwritable log folder, say), one line each on stderr. Without a status
 * listener logback prints them to stdout, into the command's JSON Lines. Named in the system property
 * {@code logback.statusListenerClass}, so it must stay public with a public constructor.
 */
public final class LogbackStatusToStderr implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN) {
            Throwable cause = status.getThrowable();
            System.err.println("logback: " + status.getMessage()
                    + (cause == null ? "" : " (" + cause.getMessage() + ")"));
        }
    }
}
