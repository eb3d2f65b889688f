package org.bucketsweep.bench;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import org.bucketsweep.model.delete.DeleteOptions;

/** The vocabulary of the delete benches: what runs, and what one timed run gave. */
final class DeleteRunTypes {

    private DeleteRunTypes() {
    }

    enum Kind {
        ENGINE("BucketSweep engine (BatchDeleter)"),
        SDK("SDK v2 DeleteObjects loop (ceiling)"),
        CLI_DELETE_OBJECTS("aws s3api delete-objects, one batch after another"),
        CLI_RM("aws s3 rm --recursive (unversioned bucket: current objects only)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** {@code concurrency} {@link DeleteOptions#ADAPTIVE} (0) is the engine's default: it finds the number itself. */
    record Variant(Kind kind, int concurrency, int items) {
        String id() {
            return switch (kind) {
                case ENGINE -> "engine c=" + concurrencyText();
                case SDK -> "sdk c=" + concurrency;
                case CLI_DELETE_OBJECTS -> "cli delete-objects";
                case CLI_RM -> "cli s3 rm";
            };
        }

        boolean adaptive() {
            return kind == Kind.ENGINE && concurrency == DeleteOptions.ADAPTIVE;
        }

        String concurrencyText() {
            return adaptive() ? "auto" : String.valueOf(concurrency);
        }
    }

    /** "auto" or a number, as the benches' {@code concurrency} argument takes them. */
    static int parseConcurrency(String text) {
        return text.equalsIgnoreCase("auto") ? DeleteOptions.ADAPTIVE : Integer.parseInt(text);
    }

    /** One timed run: wall time and CPU time, or an error. */
    record Run(double seconds, double cpuSeconds, int items, String error, String outcomes) {
        static Run ok(Stopwatch sw, int items, String outcomes) {
            return new Run(sw.wallNanos / 1e9, sw.cpuNanos / 1e9, items, null, outcomes);
        }

        static Run failed(String error, String outcomes) {
            return new Run(Double.NaN, Double.NaN, 0, error, outcomes);
        }

        boolean isOk() {
            return error == null;
        }

        double keysPerSecond() {
            return items / seconds;
        }

        /** CPU milliseconds (this JVM, client and server, plus the aws CLI processes) per 1000 keys. */
        double cpuMsPerThousand() {
            return cpuSeconds * 1e6 / items;
        }
    }

    /**
     * Wall time and CPU time of the timed part of a run. CPU is this JVM's (the client and the in-process server) plus
     * that of the child processes it waited for (the aws CLI), from /proc/self/stat. On a shared machine the wall
     * time also counts the time other programs held the CPU; the CPU time does not.
     */
    static final class Stopwatch {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long wall0 = System.nanoTime();
        private final long cpu0 = cpuNow();
        long wallNanos;
        long cpuNanos;

        static Stopwatch start() {
            return new Stopwatch();
        }

        Stopwatch stop() {
            wallNanos = System.nanoTime() - wall0;
            cpuNanos = cpuNow() - cpu0;
            return this;
        }

        private static long cpuNow() {
            long children = 0;
            try {
                String stat = Files.readString(Paths.get("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // Fields 16 and 17 of proc(5): cutime and cstime, in clock ticks (100 per second on Linux).
                children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                // not Linux: this JVM's CPU only
            }
            return OS.getProcessCpuTime() + children;
        }
    }

    /**
     * Heap and direct memory in use after a run. local-s3 leaks a few KB of Netty direct memory per request; the bench
     * runs with {@code -Dio.netty.maxDirectMemory=0} so that those buffers are plain JDK ones that the garbage
     * collector frees (with Netty's own accounting, 1.3 million PUTs exhausted 4 GB of direct memory).
     */
    static String memory() {
        Runtime rt = Runtime.getRuntime();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return String.format(Locale.ROOT, "heap %d MB, direct %d MB", (rt.totalMemory() - rt.freeMemory()) >> 20,
                direct >> 20);
    }
}
