package org.bucketsweep.model.journal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bucketsweep.model.delete.DeleteListener;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;

/**
 * The journal of one delete job: an append-only JSON Lines file that says what was planned, what was about to be
 * sent and what S3 answered, so that after a crash or a kill it is known what is confirmed deleted and what is not.
 *
 * <p>Every record is one line, written whole and forced to disk before the call returns; the request record is
 * forced before the request leaves. A crash can therefore lose at most the line being written, which
 * {@link JournalReader} tolerates. A job whose journal has no end record did not finish.
 *
 * <p>A failure to write is never swallowed: it is thrown as an {@link UncheckedIOException}, which stops the job
 * (the engine calls {@link #onRequest} before sending, so nothing unjournaled is deleted), and every later write
 * fails too, since a partly written line must stay the last one.
 */
public final class JobJournal implements DeleteListener, AutoCloseable {

    /** The format of the lines; read back by {@link JournalReader}. */
    static final int FORMAT = 1;
    /** Plan lines hold at most this many items, so that no line gets huge. */
    static final int PLAN_ITEMS_PER_LINE = 1000;

    // UTC, so that names sort by time whatever zone the machine is in.
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path path;
    private final JobHeader header;
    private final FileChannel channel;
    private IOException broken;
    private boolean finished;
    private boolean closed;

    private JobJournal(Path path, JobHeader header, FileChannel channel) {
        this.path = path;
        this.header = header;
        this.channel = channel;
    }

    /**
     * Creates {@code journalDir/<yyyyMMdd-HHmmss>-<bucket>-<jobId prefix>.jsonl} (UTC time) with the header and the
     * plan, on disk when this returns.
     *
     * @param plannedItems the job's items, as many as the header says
     * @throws UncheckedIOException when the journal cannot be written; the job must then not start
     */
    public static JobJournal create(Path journalDir, JobHeader header, List<VersionRef> plannedItems) {
        Objects.requireNonNull(header, "header");
        if (plannedItems.size() != header.plannedItems()) {
            throw new IllegalArgumentException("The header plans " + header.plannedItems() + " items, the plan has "
                    + plannedItems.size());
        }
        Path file = journalDir.resolve(fileName(header));
        FileChannel channel = null;
        try {
            Files.createDirectories(journalDir);
            // CREATE_NEW: two jobs must never share a journal.
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            JobJournal journal = new JobJournal(file, header, channel);
            journal.writeHeaderAndPlan(plannedItems);
            forceDirectory(journalDir);
            return journal;
        } catch (IOException | UncheckedIOException e) {
            if (channel != null) {
                // The job will not start, so its half-written journal must not show up as unfinished.
                closeQuietly(channel);
                deleteQuietly(file);
            }
            throw e instanceof UncheckedIOException u ? u
                    : new UncheckedIOException("Could not write the job journal " + file, (IOException) e);
        }
    }

    public Path path() {
        return path;
    }

    public JobHeader header() {
        return header;
    }

    /** Journals the request and forces it to disk; the engine calls this just before sending it. */
    @Override
    public synchronized void onRequest(int requestNumber, int attempt, List<VersionRef> items) {
        append(g -> {
            g.writeStartObject();
            g.writeStringField("type", "request");
            g.writeNumberField("request", requestNumber);
            g.writeNumberField("attempt", attempt);
            writeItems(g, items);
            g.writeEndObject();
        });
        force();
    }

    /** One outcome line per item, then forced to disk. */
    @Override
    public synchronized void onResults(List<ItemResult> results) {
        for (ItemResult result : results) {
            append(g -> {
                g.writeStartObject();
                g.writeStringField("type", "outcome");
                writeResultFields(g, result);
                g.writeEndObject();
            });
        }
        force();
    }

    /** The end record: the job ran to its end (every item has its outcome, some perhaps NOT_ATTEMPTED). */
    public synchronized void finish(DeleteSummary summary) {
        if (finished) {
            throw new IllegalStateException("The journal " + path + " already has its end record");
        }
        append(g -> {
            g.writeStartObject();
            g.writeStringField("type", "end");
            g.writeStringField("finished", Instant.now().toString());
            g.writeObjectFieldStart("counts");
            for (DeleteOutcome outcome : DeleteOutcome.values()) {
                g.writeNumberField(outcome.name(), summary.count(outcome));
            }
            g.writeEndObject();
            g.writeNumberField("requestsSent", summary.requestsSent());
            g.writeEndObject();
        });
        force();
        finished = true;
    }

    /**
     * Ends an unfinished journal that will not be continued: resumed by another job, or dismissed by the person.
     * A line half-written by the crash is cut off first (it never counted), then an end record with the outcomes
     * recorded so far and the reason is appended, so the job no longer shows as unfinished.
     */
    public static void settle(Path file, String reason) {
        JournalContents contents = JournalReader.read(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long keep = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            channel.truncate(keep);
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("type", "end");
            end.put("finished", Instant.now().toString());
            Map<String, Integer> counts = new LinkedHashMap<>();
            contents.counts().forEach((outcome, n) -> counts.put(outcome.name(), n));
            end.put("counts", counts);
            end.put("requestsSent", contents.requests().size());
            end.put("settled", reason);
            byte[] line = (new ObjectMapper().writeValueAsString(end) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(line), keep);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not settle the job journal " + file, e);
        }
    }

    /** Closes the file. Without {@link #finish} first, the journal stays "unfinished" for the next start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the job journal " + path, e);
        }
    }

    private void writeHeaderAndPlan(List<VersionRef> plannedItems) {
        append(g -> {
            g.writeStartObject();
            g.writeStringField("type", "header");
            g.writeNumberField("format", FORMAT);
            g.writeStringField("jobId", header.jobId());
            g.writeStringField("started", header.started().toString());
            writeIfPresent(g, "endpoint", header.endpoint());
            g.writeStringField("bucket", header.bucket());
            writeIfPresent(g, "intent", header.intent());
            DeleteOptions o = header.options();
            g.writeObjectFieldStart("options");
            g.writeNumberField("batchSize", o.batchSize());
            g.writeNumberField("concurrency", o.concurrency());
            g.writeBooleanField("quiet", o.quiet());
            g.writeBooleanField("bypassGovernanceRetention", o.bypassGovernanceRetention());
            writeIfPresent(g, "expectedBucketOwner", o.expectedBucketOwner());
            g.writeBooleanField("requestPayer", o.requestPayer());
            g.writeNumberField("maxAttempts", o.retry().maxAttempts());
            g.writeStringField("ifUnchanged", o.ifUnchanged().name());
            g.writeEndObject();
            g.writeNumberField("plannedItems", header.plannedItems());
            g.writeObjectFieldStart("plannedCounts");
            for (Map.Entry<String, Integer> count : header.plannedCounts().entrySet()) {
                g.writeNumberField(count.getKey(), count.getValue());
            }
            g.writeEndObject();
            g.writeBooleanField("mfaUsed", header.mfaUsed());
            g.writeEndObject();
        });
        for (int from = 0; from < plannedItems.size(); from += PLAN_ITEMS_PER_LINE) {
            List<VersionRef> slice = plannedItems.subList(from, Math.min(from + PLAN_ITEMS_PER_LINE,
                    plannedItems.size()));
            append(g -> {
                g.writeStartObject();
                g.writeStringField("type", "plan");
                writeItems(g, slice);
                g.writeEndObject();
            });
        }
        force();
    }

    /** The fields of an {@link ItemResult}, shared with {@link ResultsExport}; nulls are left out. */
    static void writeResultFields(JsonGenerator g, ItemResult r) throws IOException {
        g.writeStringField("key", r.key());
        writeIfPresent(g, "versionId", r.versionId());
        g.writeStringField("outcome", r.outcome().name());
        writeIfPresent(g, "deleteMarkerVersionId", r.deleteMarkerVersionId());
        writeIfPresent(g, "errorCode", r.errorCode());
        writeIfPresent(g, "errorMessage", r.errorMessage());
        writeIfPresent(g, "requestId", r.requestId());
        g.writeNumberField("attempts", r.attempts());
    }

    private static void writeItems(JsonGenerator g, List<VersionRef> items) throws IOException {
        g.writeArrayFieldStart("items");
        for (VersionRef ref : items) {
            g.writeStartObject();
            g.writeStringField("key", ref.key());
            writeIfPresent(g, "versionId", ref.versionId());
            writeIfPresent(g, "eTag", ref.eTag());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeIfPresent(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /** One record as one line, written with a single buffer so that only a crash can cut it. */
    private void append(Record record) {
        ensureWritable();
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try {
            try (JsonGenerator g = JSON.createGenerator(line, JsonEncoding.UTF8)) {
                record.writeTo(g);
            }
            // The generator escapes control characters, so a newline in a key cannot split the line.
            line.write('\n');
            ByteBuffer buffer = ByteBuffer.wrap(line.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw fail(e);
        }
    }

    private void force() {
        ensureWritable();
        try {
            channel.force(true);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    private void ensureWritable() {
        if (closed) {
            throw new IllegalStateException("The job journal " + path + " is closed");
        }
        if (broken != null) {
            throw new UncheckedIOException("The job journal " + path + " failed earlier, so nothing more is"
                    + " written to it", broken);
        }
    }

    private UncheckedIOException fail(IOException e) {
        broken = e;
        return new UncheckedIOException("Could not write the job journal " + path, e);
    }

    private static String fileName(JobHeader header) {
        String id = header.jobId().length() > 8 ? header.jobId().substring(0, 8) : header.jobId();
        return FILE_TIME.format(header.started()) + "-" + safe(header.bucket()) + "-" + safe(id) + ".jsonl";
    }

    /** S3 bucket names are file-name safe, but other servers allow more; anything else becomes '_'. */
    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** So that the new file's directory entry survives a power cut too. Not possible on Windows: best effort. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file's own content is forced; only its name could be lost, and only on a power cut.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the caller reports the original failure
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    @FunctionalInterface
    private interface Record {
        void writeTo(JsonGenerator g) throws IOException;
    }
}
