package org.bucketsweep.model.journal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.bucketsweep.model.delete.ItemResult;

/**
 * A job's results as a file for people and their tools: CSV for spreadsheets, JSON for scripts. Both have the same
 * fields as the journal's outcome lines.
 *
 * <p>Each file is written next to its target under a temporary name and then moved into place, so an existing
 * export is never left half overwritten.
 */
public final class ResultsExport {

    static final List<String> COLUMNS = List.of("key", "versionId", "outcome", "deleteMarkerVersionId", "errorCode",
            "errorMessage", "requestId", "attempts");

    private ResultsExport() {
    }

    /**
     * RFC 4180 CSV in UTF-8 (no byte order mark), CRLF line ends, a header row; empty cells for nulls.
     *
     * <p>Spreadsheets run a cell that starts with {@code = + - @}, a tab or a carriage return as a formula, and keys
     * and error messages come from whoever could write to the bucket. Such cells get a leading apostrophe, which
     * spreadsheets show as text; it changes the cell, so the exact values are in the JSON export.
     *
     * @throws UncheckedIOException when the file cannot be written; an existing file is then left as it was
     */
    public static void writeCsv(Path file, List<ItemResult> results) {
        writeAtomically(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            row(w, COLUMNS.toArray(String[]::new));
            for (ItemResult r : results) {
                row(w, r.key(), r.versionId(), r.outcome().name(), r.deleteMarkerVersionId(), r.errorCode(),
                        r.errorMessage(), r.requestId(), Integer.toString(r.attempts()));
            }
            w.flush();
        });
    }

    /**
     * A JSON array with one object per result, the fields named as the CSV columns, nulls left out.
     *
     * @throws UncheckedIOException when the file cannot be written; an existing file is then left as it was
     */
    public static void writeJson(Path file, List<ItemResult> results) {
        writeAtomically(file, out -> {
            try (JsonGenerator g = JobJournal.JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (ItemResult r : results) {
                    g.writeStartObject();
                    JobJournal.writeResultFields(g, r);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        });
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write("\r\n");
    }

    /** One CSV cell: defused against formulas, then quoted if it has a comma, quote, CR or LF (RFC 4180). */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeAFormula(value) ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * Writes {@code file} under a temporary name next to it, then moves it into place: an existing file is never
     * left half overwritten. Also used by the other exports (usage).
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void writeAtomically(Path file, Content content) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** What goes into an exported file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
