package org.bucketsweep.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What every bench's {@code main} does around its measurements: reads the arguments, prints the result, hands it
 * to the suite through {@code --result=FILE}, and exits 0 when every run was right, 1 when one was wrong, 2 on bad
 * arguments. It never fails on a time.
 */
final class BenchMain {

    /** One bench: its runs and their report. */
    interface Bench {
        BenchResult run(BenchArgs args) throws Exception;
    }

    /** Every bench takes these besides its own: {@code quick} (smaller sizes, one run) and {@code result}. */
    static final Set<String> COMMON_ARGS = Set.of("quick", "result");

    private BenchMain() {
    }

    static void run(String section, String[] args, Set<String> names, Bench bench) {
        Set<String> known = new HashSet<>(names);
        known.addAll(COMMON_ARGS);
        BenchArgs parsed;
        try {
            parsed = BenchArgs.parse(args, known);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchResult result;
        try {
            result = bench.run(parsed);
        } catch (Exception e) {
            e.printStackTrace();
            result = BenchResult.failed(section, e.toString());
        }
        System.out.println();
        System.out.println(result.markdown());
        try {
            if (parsed.has("result")) {
                result.writeTo(Path.of(parsed.string("result", "")));
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(result.ok() ? 0 : 1);
    }
}
