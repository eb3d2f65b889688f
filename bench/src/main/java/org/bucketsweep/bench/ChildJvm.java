package org.bucketsweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one bench in a JVM of its own, with the suite's class path: a fresh heap, JIT and garbage collector for each,
 * and JVM options of its own (heap size, the headless JavaFX platform). Its output goes to this console.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with {@code jvmOptions} (split at spaces) and {@code args}, and reads the result it writes.
     *
     * @param launcher words to put before {@code java} (e.g. {@code xvfb-run -a}); empty for none
     */
    static BenchResult run(String section, List<String> launcher, String jvmOptions, Class<?> main,
                           List<String> args) throws IOException, InterruptedException {
        Path result = Files.createTempFile("bucketsweep-bench-" + section + "-", ".json");
        try {
            List<String> command = new ArrayList<>(launcher);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Arrays.stream(jvmOptions.split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(main.getName());
            command.addAll(args);
            command.add("--result=" + result);
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (Files.size(result) == 0) {
                return BenchResult.failed(section, main.getSimpleName() + " exited with " + exit
                        + " and gave no result (see its output above)");
            }
            return BenchResult.readFrom(result);
        } finally {
            Files.deleteIfExists(result);
        }
    }
}
