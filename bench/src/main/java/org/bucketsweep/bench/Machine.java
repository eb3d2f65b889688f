package org.bucketsweep.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

/** What the figures were measured on: they only compare with figures from the same kind of machine. */
final class Machine {

    private Machine() {
    }

    /** Cores, CPU model, RAM, JDK and OS, in one line. */
    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores%s, %.1f GB RAM; %s %s; %s", Runtime.getRuntime()
                        .availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")", ram / 1e9,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), os());
    }

    /** The 1-minute load average, or "" where there is none to read: how busy the shared machine was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "";
        }
    }

    /** Now, in UTC, to the second. */
    static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .replaceAll("\\.\\d+", "");
    }

    private static String os() {
        String name = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "");
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return name.isEmpty() ? kernel : name + ", " + kernel;
    }

    /** The value of the first "name: value" or "name=value" line of a Linux file; "" elsewhere. */
    private static String firstValue(Path file, String name) {
        if (!Files.isReadable(file)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> l.substring(l.indexOf(l.contains("=") ? '=' : ':') + 1).strip()).orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
