package org.bucketsweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
