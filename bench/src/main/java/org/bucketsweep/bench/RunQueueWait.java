package org.bucketsweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the calling thread has waited, in all, for a CPU while it was ready to run (Linux
 * {@code /proc/thread-self/schedstat}, second field): the time other threads and programs held the cores.
 */
final class RunQueueWait {

    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static final boolean AVAILABLE = Files.isReadable(SCHEDSTAT);

    private RunQueueWait() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** Nanoseconds, or 0 where the system does not tell. */
    static long ofCurrentThread() {
        if (!AVAILABLE) {
            return 0;
        }
        try {
            String[] fields = new String(Files.readAllBytes(SCHEDSTAT), StandardCharsets.US_ASCII).split(" ");
            return Long.parseLong(fields[1].strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
