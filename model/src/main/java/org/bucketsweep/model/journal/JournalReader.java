package org.bucketsweep.model.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.IfUnchanged;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.RetryPolicy;
import org.bucketsweep.model.delete.VersionRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the journals {@link JobJournal} writes.
 *
 * <p>A crash can leave the last line half written, so an unparseable last line is ignored. Anywhere else it means
 * the file was damaged or edited, and what it says about deletes can no longer be trusted: that is a
 * {@link CorruptJournalException} naming the file and line, never a silent guess.
 */
public final class JournalReader {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JournalReader() {
    }

    /**
     * The journals in {@code journalDir}, newest first (none when the directory does not exist). A file whose header
     * never reached the disk is left out: its job sent nothing.
     *
     * @throws CorruptJournalException when a journal is damaged other than in its last line
     * @throws UncheckedIOException    when the directory or a journal cannot be read
     */
    public static List<JournalEntry> list(Path journalDir) {
        List<JournalEntry> entries = new ArrayList<>();
        for (Path file : journalFiles(journalDir)) {
            Summary summary = new Summary();
            scan(file, summary);
            if (summary.header == null) {
                LOG.warn("Ignoring the journal {}: its header was never written completely", file);
                continue;
            }
            entries.add(new JournalEntry(file, summary.header, summary.summary != null, summary.counts));
        }
        entries.sort(Comparator.comparing((JournalEntry e) -> e.header().started())
                .thenComparing(e -> e.path().getFileName().toString())
                .reversed());
        return entries;
    }

    /** The journals without an end record, newest first: jobs that were killed, crashed or lost power. */
    public static List<JournalEntry> unfinished(Path journalDir) {
        return list(journalDir).stream().filter(e -> !e.finished()).toList();
    }

    /**
     * Everything a journal says.
     *
     * @throws CorruptJournalException when it is damaged other than in its last line, or has no header
     * @throws UncheckedIOException    when it cannot be read
     */
    public static JournalContents read(Path file) {
        Contents contents = new Contents();
        scan(file, contents);
        if (contents.header == null) {
            throw new CorruptJournalException(file, 1, "it has no complete header (its job never started)", null);
        }
        return new JournalContents(file, contents.header, contents.planned, contents.requests, contents.results,
                contents.summary != null, contents.summary);
    }

    /** A journal that is damaged where a crash cannot have damaged it. */
    public static final class CorruptJournalException extends UncheckedIOException {

        private final Path file;
        private final int line;

        CorruptJournalException(Path file, int line, String problem, Exception cause) {
            super(new IOException("The job journal " + file + " is damaged at line " + line + ": " + problem,
                    cause));
            this.file = file;
            this.line = line;
        }

        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }
    }

    private static List<Path> journalFiles(Path journalDir) {
        if (!Files.isDirectory(journalDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journalDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the job journals in " + journalDir, e);
        }
    }

    /** Hears a journal's records in order. Decoding failures become corruption at the record's line. */
    private abstract static class Visitor {
        JobHeader header;
        DeleteSummary summary;

        final void visit(JsonNode record) {
            String type = text(record, "type");
            switch (type) {
                case "header" -> {
                    if (header != null) {
                        throw new IllegalArgumentException("a second header");
                    }
                    header = header(record);
                }
                case "plan" -> plan(items(record));
                case "request" -> request(new JournalContents.SentRequest(integer(record, "request"),
                        integer(record, "attempt"), items(record)));
                case "outcome" -> outcome(result(record));
                case "end" -> summary = end(record);
                default -> {
                    // A newer version's record kind: what this version knows about is still valid.
                }
            }
            if (header == null) {
                throw new IllegalArgumentException("the first record is not the header");
            }
        }

        void plan(List<VersionRef> items) {
        }

        void request(JournalContents.SentRequest request) {
        }

        abstract void outcome(ItemResult result);
    }

    /** For listings: counts only, so that a journal of a million items does not fill memory. */
    private static final class Summary extends Visitor {
        final Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);

        @Override
        void outcome(ItemResult result) {
            counts.merge(result.outcome(), 1, Integer::sum);
        }
    }

    private static final class Contents extends Visitor {
        final List<VersionRef> planned = new ArrayList<>();
        final List<JournalContents.SentRequest> requests = new ArrayList<>();
        final List<ItemResult> results = new ArrayList<>();

        @Override
        void plan(List<VersionRef> items) {
            planned.addAll(items);
        }

        @Override
        void request(JournalContents.SentRequest request) {
            requests.add(request);
        }

        @Override
        void outcome(ItemResult result) {
            results.add(result);
        }
    }

    /**
     * Feeds each line to the visitor. A line that does not parse is held back: if another line follows, the file is
     * corrupt; if it was the last, a crash cut it and it is dropped.
     */
    private static void scan(Path file, Visitor visitor) {
        try (InputStream in = Files.newInputStream(file)) {
            LineSplitter lines = new LineSplitter(in);
            int lineNumber = 0;
            int badLine = 0;
            Exception badCause = null;
            byte[] line;
            while ((line = lines.next()) != null) {
                lineNumber++;
                if (badCause != null) {
                    throw new CorruptJournalException(file, badLine, "the line is not valid JSON", badCause);
                }
                JsonNode record;
                try {
                    record = MAPPER.readTree(line);
                    if (record == null || !record.isObject()) {
                        throw new IOException("not a JSON object");
                    }
                } catch (IOException e) {
                    badLine = lineNumber;
                    badCause = e;
                    continue;
                }
                try {
                    visitor.visit(record);
                } catch (RuntimeException e) {
                    throw new CorruptJournalException(file, lineNumber, e.getMessage(), e);
                }
            }
            if (badCause != null) {
                LOG.info("The last line of the job journal {} (line {}) was cut short, as a crash leaves it;"
                        + " ignoring it", file, badLine);
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("The job journal " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the job journal " + file, e);
        }
    }

    /** Splits a stream at '\n' bytes (UTF-8 never has that byte inside a character); no line separator kept. */
    private static final class LineSplitter {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        private int pos;
        private int end;

        LineSplitter(InputStream in) {
            this.in = in;
        }

        /** The next line, or null at the end; a last line without '\n' is returned too. */
        byte[] next() throws IOException {
            line.reset();
            while (true) {
                if (pos == end) {
                    end = in.read(buffer);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return line.size() == 0 ? null : line.toByteArray();
                    }
                }
                for (int i = pos; i < end; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, pos, i - pos);
                        pos = i + 1;
                        return line.toByteArray();
                    }
                }
                line.write(buffer, pos, end - pos);
                pos = end;
            }
        }
    }

    private static JobHeader header(JsonNode r) {
        int format = integer(r, "format");
        if (format > JobJournal.FORMAT) {
            throw new IllegalArgumentException("it was written in format " + format + " by a newer BucketSweep;"
                    + " this one reads format " + JobJournal.FORMAT);
        }
        JsonNode o = r.path("options");
        if (!o.isObject()) {
            throw new IllegalArgumentException("the header has no options");
        }
        // Only the number of attempts is journaled; the delays are this version's defaults.
        RetryPolicy retry = new RetryPolicy(integer(o, "maxAttempts"), RetryPolicy.DEFAULT.baseDelay(),
                RetryPolicy.DEFAULT.maxDelay());
        DeleteOptions options = new DeleteOptions(integer(o, "batchSize"), integer(o, "concurrency"),
                bool(o, "quiet"), bool(o, "bypassGovernanceRetention"), optionalText(o, "expectedBucketOwner"),
                bool(o, "requestPayer"), retry, ifUnchanged(optionalText(o, "ifUnchanged")));
        Map<String, Integer> plannedCounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> count : r.path("plannedCounts").properties()) {
            if (!count.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("plannedCounts." + count.getKey() + " is not a number");
            }
            plannedCounts.put(count.getKey(), count.getValue().intValue());
        }
        return new JobHeader(text(r, "jobId"), instant(r, "started"), optionalText(r, "endpoint"), text(r, "bucket"),
                optionalText(r, "intent"), options, integer(r, "plannedItems"), plannedCounts, bool(r, "mfaUsed"));
    }

    private static List<VersionRef> items(JsonNode r) {
        JsonNode items = r.get("items");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("the record has no items");
        }
        List<VersionRef> refs = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            // Journals written before conditional deletes have no eTag: their items are sent without one.
            refs.add(new VersionRef(text(item, "key"), optionalText(item, "versionId"), optionalText(item, "eTag")));
        }
        return refs;
    }

    /** Journals written before the option existed delete as the default does. */
    private static IfUnchanged ifUnchanged(String name) {
        if (name == null) {
            return IfUnchanged.AUTO;
        }
        try {
            return IfUnchanged.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ifUnchanged " + name, e);
        }
    }

    private static ItemResult result(JsonNode r) {
        DeleteOutcome outcome;
        try {
            outcome = DeleteOutcome.valueOf(text(r, "outcome"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown outcome " + r.get("outcome"), e);
        }
        return new ItemResult(new VersionRef(text(r, "key"), optionalText(r, "versionId")), outcome,
                optionalText(r, "deleteMarkerVersionId"), optionalText(r, "errorCode"),
                optionalText(r, "errorMessage"), optionalText(r, "requestId"), integer(r, "attempts"));
    }

    private static DeleteSummary end(JsonNode r) {
        instant(r, "finished");
        Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
        for (DeleteOutcome o : DeleteOutcome.values()) {
            counts.put(o, r.path("counts").path(o.name()).asInt(0));
        }
        return new DeleteSummary(counts, integer(r, "requestsSent"));
    }

    private static String text(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode r, String field) {
        JsonNode value = r.get(field);
        return value == null || value.isNull() ? null : text(r, field);
    }

    private static int integer(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a whole number");
        }
        return value.intValue();
    }

    private static boolean bool(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not true/false");
        }
        return value.booleanValue();
    }

    private static Instant instant(JsonNode r, String field) {
        try {
            return Instant.parse(text(r, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not an instant", e);
        }
    }
}
