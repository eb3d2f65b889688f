package org.bucketsweep.model.usage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.journal.ResultsExport;

/**
 * A usage report as a file: CSV for spreadsheets (defused against formulas like the results export), JSON for
 * scripts. Both have the fields of {@code bucketsweep usage}, one row per folder and the total last.
 */
public final class UsageExport {

    static final List<String> COLUMNS = List.of("folder", "currentObjects", "currentBytes", "noncurrentVersions",
            "noncurrentBytes", "deleteMarkers", "expiredMarkers", "uploads", "uploadBytes", "oldestNoncurrent",
            "total");

    private static final JsonFactory JSON = new JsonFactory();

    private UsageExport() {
    }

    /**
     * RFC 4180 CSV in UTF-8, CRLF line ends, a header row, the rows in the order given, then the total.
     *
     * @throws UncheckedIOException when the file cannot be written; an existing file is then left as it was
     */
    public static void writeCsv(Path file, List<FolderUsage> rows, FolderUsage total) {
        ResultsExport.writeAtomically(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            line(w, COLUMNS);
            for (FolderUsage row : rows) {
                line(w, cells(row, false));
            }
            line(w, cells(total, true));
            w.flush();
        });
    }

    /**
     * A JSON object with the bucket, the prefix and the depth, the rows in the order given and the total.
     *
     * @throws UncheckedIOException when the file cannot be written; an existing file is then left as it was
     */
    public static void writeJson(Path file, UsageReport report, List<FolderUsage> rows) {
        ResultsExport.writeAtomically(file, out -> {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("bucket", report.bucket());
                g.writeStringField("prefix", report.prefix());
                g.writeNumberField("depth", report.depth());
                g.writeNumberField("versionsScanned", report.versions());
                g.writeBooleanField("complete", report.complete());
                g.writeArrayFieldStart("notes");
                for (String note : report.notes()) {
                    g.writeString(note);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("folders");
                for (FolderUsage row : rows) {
                    object(g, row);
                }
                g.writeEndArray();
                g.writeFieldName("total");
                object(g, report.total());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        });
    }

    private static void object(JsonGenerator g, FolderUsage f) throws IOException {
        g.writeStartObject();
        g.writeStringField("folder", f.folder());
        g.writeNumberField("currentObjects", f.currentObjects());
        g.writeNumberField("currentBytes", f.currentBytes());
        g.writeNumberField("noncurrentVersions", f.noncurrentVersions());
        g.writeNumberField("noncurrentBytes", f.noncurrentBytes());
        g.writeNumberField("deleteMarkers", f.deleteMarkers());
        g.writeNumberField("expiredMarkers", f.expiredMarkers());
        g.writeNumberField("uploads", f.uploads());
        g.writeNumberField("uploadBytes", f.uploadBytes());
        Instant oldest = f.oldestNoncurrent();
        g.writeStringField("oldestNoncurrent", oldest == null ? null : oldest.toString());
        g.writeEndObject();
    }

    private static List<String> cells(FolderUsage f, boolean total) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(f.folder());
        for (long n : new long[] {f.currentObjects(), f.currentBytes(), f.noncurrentVersions(), f.noncurrentBytes(),
                f.deleteMarkers(), f.expiredMarkers(), f.uploads(), f.uploadBytes()}) {
            cells.add(Long.toString(n));
        }
        cells.add(f.oldestNoncurrent() == null ? null : f.oldestNoncurrent().toString());
        cells.add(Boolean.toString(total));
        return cells;
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(ResultsExport.cell(cells.get(i)));
        }
        w.write("\r\n");
    }
}
