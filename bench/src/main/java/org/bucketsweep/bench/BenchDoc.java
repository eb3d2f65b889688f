package org.bucketsweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * docs/benchmarks.md: each bench owns the text between its two markers and rewrites only that; the prose around the
 * markers is written by people and kept.
 */
final class BenchDoc {

    private BenchDoc() {
    }

    static String begin(String section) {
        return "<!-- bench:" + section + ":begin (generated; edits between these markers are overwritten) -->";
    }

    static String end(String section) {
        return "<!-- bench:" + section + ":end -->";
    }

    /**
     * The summary rows of the benches that did not run this time, from the file as it is, under a line saying they
     * are older: a run of some benches ({@code bench.only}) then keeps the others' figures instead of dropping them.
     */
    static String earlierRows(Path file, String section, List<BenchResult> results) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String text = Files.readString(file);
        int b = text.indexOf(begin(section));
        int e = text.indexOf(end(section));
        if (b < 0 || e < b) {
            return "";
        }
        // A bench that ran replaces its old rows, also an old error row, which is named by the bench's section.
        Set<String> ran = results.stream()
                .flatMap(r -> Stream.concat(Stream.of(r.section()),
                        r.figures().stream().map(BenchResult.Figure::benchmark)))
                .collect(Collectors.toSet());
        String kept = text.substring(b + begin(section).length(), e).lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| Benchmark |"))
                .filter(l -> !ran.contains(l.substring(2, Math.max(2, l.indexOf(" | ", 2))).strip()))
                .collect(Collectors.joining("\n"));
        return kept.isEmpty() ? "" : "\nFrom earlier runs (not run this time):\n\n| Benchmark | Measure | Result |\n"
                + "|---|---|---|\n" + kept + "\n";
    }

    /**
     * Replaces the generated text of {@code section}; a section the file does not have yet is appended under
     * {@code heading}.
     */
    static void write(Path file, String section, String heading, String generated) throws IOException {
        String marked = begin(section) + "\n" + generated.strip() + "\n" + end(section);
        String old = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int b = old.indexOf(begin(section));
        int e = old.indexOf(end(section));
        String text = b >= 0 && e > b
                ? old.substring(0, b) + marked + old.substring(e + end(section).length())
                : old.stripTrailing() + "\n\n" + heading + "\n\n" + marked + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
    }
}
