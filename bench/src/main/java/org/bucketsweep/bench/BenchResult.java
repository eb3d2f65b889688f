package org.bucketsweep.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What one bench hands to the suite: its part of docs/benchmarks.md, and its headline figures for the summary
 * table. It travels as JSON because each bench runs in a JVM of its own.
 *
 * @param section  the name of its generated part of the document ("delete", "listing", ...)
 * @param markdown the generated part itself
 * @param figures  the rows it adds to the summary table
 * @param ok       false when a run was wrong (items left behind, a failed listing): its figures then mean nothing
 */
record BenchResult(String section, String markdown, List<Figure> figures, boolean ok) {

    /** One row of the summary table. */
    record Figure(String benchmark, String measure, String value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    BenchResult {
        figures = List.copyOf(figures);
    }

    static BenchResult failed(String section, String why) {
        return new BenchResult(section, "**Not measured:** " + why.replace('\n', ' ') + "\n",
                List.of(new Figure(section, "error", why.replace('|', '/').replace('\n', ' '))), false);
    }

    void writeTo(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    static BenchResult readFrom(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BenchResult.class);
    }
}
