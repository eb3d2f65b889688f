package org.bucketsweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How long a thread has waited, in all, for a CPU while it was ready to run (Linux {@code schedstat}, second field):
 * the time other threads and programs held the cores.
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
        return AVAILABLE ? of(SCHEDSTAT) : 0;
    }

    /**
     * The schedstat file of this JVM's thread whose (Linux) name starts with {@code name}, cut to the 15 characters
     * Linux keeps; {@code null} when there is none or the system does not tell.
     */
    static Path schedstatOf(String name) {
        String wanted = name.length() > 15 ? name.substring(0, 15) : name;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().startsWith(wanted);
                } catch (IOException e) {
                    return false;
                }
            }).map(t -> t.resolve("schedstat")).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Nanoseconds from a thread's schedstat file, or 0 where it cannot be read. */
    static long of(Path schedstat) {
        try {
            String[] fields = new String(Files.readAllBytes(schedstat), StandardCharsets.US_ASCII).split(" ");
            return Long.parseLong(fields[1].strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
