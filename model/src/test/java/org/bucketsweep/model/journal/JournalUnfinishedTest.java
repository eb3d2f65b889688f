package org.bucketsweep.model.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.RetryPolicy;
import org.bucketsweep.model.delete.VersionRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs that never wrote their end record, written through the API the way a killed process leaves them. */
class JournalUnfinishedTest {

    private static final VersionRef DELETED = new VersionRef("logs/1", "v1");
    private static final VersionRef FAILED = new VersionRef("logs/2", "v2");
    private static final VersionRef MARKER_ADDED = VersionRef.current("no-version \"quoted\"\n");
    private static final VersionRef SENT = new VersionRef("logs/3", "v3");
    private static final VersionRef SENT_TOO = VersionRef.current("ü\u2028\t\r\u0001 😀");
    private static final VersionRef UNSENT = new VersionRef("logs/4", "v4");
    private static final List<VersionRef> PLAN = List.of(DELETED, FAILED, MARKER_ADDED, SENT, SENT_TOO, UNSENT);

    @TempDir
    Path journalDir;

    @Test
    void aJobKilledMidRequestIsUnfinishedAndResumesWhatWasNotConfirmed() {
        Path file = killedMidJob(header("2025-03-01T10:00:00Z"));

        JournalContents contents = JournalReader.read(file);
        assertThat(contents.finished()).isFalse();
        assertThat(contents.endSummary()).isNull();
        assertThat(contents.plannedItems()).containsExactlyElementsOf(PLAN);
        assertThat(contents.planComplete()).isTrue();
        // Plan order, minus what is confirmed; the key that already got its marker must not get a second one.
        assertThat(contents.resumeItems()).containsExactly(FAILED, SENT, SENT_TOO, UNSENT);
        assertThat(contents.retryItems()).containsExactly(FAILED);
        assertThat(contents.inDoubtItems()).containsExactly(SENT, SENT_TOO);
        assertThat(contents.requests()).extracting(JournalContents.SentRequest::request).containsExactly(1, 1, 2, 3);
        assertThat(contents.requests()).extracting(JournalContents.SentRequest::attempt).containsExactly(1, 2, 1, 1);
        assertThat(contents.results()).extracting(ItemResult::item).containsExactly(DELETED, FAILED, MARKER_ADDED);
        assertThat(contents.lastOutcomes().get(FAILED).errorMessage()).isEqualTo("=HYPERLINK(\"x\")\nsecond line");

        assertThat(JournalReader.unfinished(journalDir)).singleElement().satisfies(entry -> {
            assertThat(entry.path()).isEqualTo(file);
            assertThat(entry.finished()).isFalse();
            assertThat(entry.count(DeleteOutcome.DELETED)).isEqualTo(1);
            assertThat(entry.count(DeleteOutcome.FAILED)).isEqualTo(1);
            assertThat(entry.withoutOutcome()).isEqualTo(3);
            assertThat(entry.count(DeleteOutcome.DELETE_MARKER_CREATED)).isEqualTo(1);
        });
    }

    @Test
    void aHalfWrittenLastLineIsIgnored() throws IOException {
        Path file = killedMidJob(header("2025-03-01T10:00:00Z"));
        JournalContents before = JournalReader.read(file);
        // What a kill during a write leaves: the start of an outcome line, cut inside a two-byte character.
        byte[] line = "{\"type\":\"outcome\",\"key\":\"ü".getBytes(StandardCharsets.UTF_8);
        Files.write(file, Arrays.copyOf(line, line.length - 1), StandardOpenOption.APPEND);

        JournalContents after = JournalReader.read(file);

        assertThat(after).isEqualTo(new JournalContents(file, before.header(), before.plannedItems(),
                before.requests(), before.results(), false, null));
        assertThat(after.resumeItems()).containsExactly(FAILED, SENT, SENT_TOO, UNSENT);
        assertThat(JournalReader.unfinished(journalDir)).extracting(JournalEntry::path).containsExactly(file);
    }

    @Test
    void aSettledJournalIsNoLongerUnfinishedAndKeepsItsOutcomes() throws IOException {
        Path file = killedMidJob(header("2025-03-01T10:00:00Z"));
        Files.write(file, "{\"type\":\"outcome\",\"key\"".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        JournalContents before = JournalReader.read(file);

        JobJournal.settle(file, "resumed by another job");

        JournalContents after = JournalReader.read(file);
        assertThat(after.finished()).isTrue();
        assertThat(after.results()).isEqualTo(before.results());
        assertThat(JournalReader.unfinished(journalDir)).isEmpty();
        assertThat(Files.readAllLines(file).get(Files.readAllLines(file).size() - 1))
                .contains("\"settled\":\"resumed by another job\"");
    }

    @Test
    void damageBeforeTheLastLineFailsLoudlyWithTheFileAndLine() throws IOException {
        Path file = killedMidJob(header("2025-03-01T10:00:00Z"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(3, lines.get(3).substring(0, 20));
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JournalReader.read(file))
                .isInstanceOfSatisfying(JournalReader.CorruptJournalException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessageContaining(file.toString()).hasMessageContaining("line 4");
        assertThatThrownBy(() -> JournalReader.list(journalDir))
                .isInstanceOf(JournalReader.CorruptJournalException.class)
                .hasMessageContaining(file.getFileName().toString());
    }

    @Test
    void aJournalWhoseHeaderNeverReachedTheDiskIsNotListed() throws IOException {
        Path file = Files.createDirectories(journalDir).resolve("20250301-100000-b-12345678.jsonl");
        Files.writeString(file, "{\"type\":\"header\",\"format\":1,\"jobId\":\"1234");

        assertThat(JournalReader.list(journalDir)).isEmpty();
        assertThatThrownBy(() -> JournalReader.read(file))
                .isInstanceOf(JournalReader.CorruptJournalException.class)
                .hasMessageContaining("no complete header");
    }

    @Test
    void aPlanCutShortByAKillIsReportedAsIncomplete() throws IOException {
        Path file;
        try (JobJournal journal = JobJournal.create(journalDir, header("2025-03-01T10:00:00Z"), PLAN)) {
            file = journal.path();
        }
        String written = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, written.substring(0, written.indexOf("logs/2")), StandardCharsets.UTF_8);

        JournalContents contents = JournalReader.read(file);

        assertThat(contents.plannedItems()).isEmpty();
        assertThat(contents.planComplete()).isFalse();
        assertThat(JournalReader.unfinished(journalDir)).extracting(JournalEntry::path).containsExactly(file);
    }

    @Test
    void listingIsNewestFirstAndTellsFinishedFromUnfinished() {
        Path older = killedMidJob(header("2025-03-01T10:00:00Z"));
        JobHeader newerHeader = header("2025-03-02T10:00:00Z", 1);
        Path newer;
        try (JobJournal journal = JobJournal.create(journalDir, newerHeader, List.of(DELETED))) {
            journal.onRequest(1, 1, List.of(DELETED));
            journal.onResults(List.of(new ItemResult(DELETED, DeleteOutcome.DELETED, null, null, null, "R1", 1)));
            journal.finish(DeleteSummary.of(List.of(), 1));
            newer = journal.path();
        }

        assertThat(JournalReader.list(journalDir)).extracting(JournalEntry::path).containsExactly(newer, older);
        assertThat(JournalReader.list(journalDir)).extracting(JournalEntry::finished).containsExactly(true, false);
        assertThat(JournalReader.unfinished(journalDir)).extracting(JournalEntry::path).containsExactly(older);
        assertThat(JournalReader.list(journalDir.resolve("never-created"))).isEmpty();
    }

    @Test
    void theHeaderRoundTripsWithoutTheRetryDelays() {
        DeleteOptions options = new DeleteOptions(250, 3, true, true, "123456789012", true,
                new RetryPolicy(9, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2)));
        JobHeader header = new JobHeader("0f1e2d3c-aaaa-bbbb-cccc-000000000000", Instant.parse("2025-03-01T10:00:00Z"),
                "AWS S3 (eu-west-1)", "my.bucket", "Delete \"old\" logs\n(2024)", options, 6,
                Map.of("versions", 6), true);

        Path file;
        try (JobJournal journal = JobJournal.create(journalDir, header, PLAN)) {
            file = journal.path();
        }

        assertThat(file.getFileName().toString()).isEqualTo("20250301-100000-my.bucket-0f1e2d3c.jsonl");
        JobHeader read = JournalReader.read(file).header();
        assertThat(read).usingRecursiveComparison().ignoringFields("options.retry").isEqualTo(header);
        assertThat(read.options().retry().maxAttempts()).isEqualTo(9);
    }

    @Test
    void aJournalThatCannotBeWrittenFailsLoudly() throws IOException {
        Path notADirectory = Files.writeString(journalDir.resolve("file"), "x");

        assertThatThrownBy(() -> JobJournal.create(notADirectory, header("2025-03-01T10:00:00Z"), PLAN))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> JobJournal.create(journalDir, header("2025-03-01T10:00:00Z"), PLAN.subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JournalReader.list(journalDir)).isEmpty();

        JobJournal journal = JobJournal.create(journalDir.resolve("j"), header("2025-03-01T10:00:00Z"), PLAN);
        journal.close();
        assertThatThrownBy(() -> journal.onRequest(1, 1, PLAN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPlanOfMoreThanAThousandItemsIsSplitIntoLines() throws IOException {
        List<VersionRef> many = java.util.stream.IntStream.range(0, 2500)
                .mapToObj(i -> new VersionRef("k/" + i, i % 2 == 0 ? null : "v" + i)).toList();
        Path file;
        try (JobJournal journal = JobJournal.create(journalDir, header("2025-03-01T10:00:00Z", many.size()), many)) {
            file = journal.path();
        }

        assertThat(JournalJobTest.lines(file)).extracting(l -> l.get("type").asText())
                .containsExactly("header", "plan", "plan", "plan");
        assertThat(JournalJobTest.lines(file).get(3).get("items")).hasSize(500);
        assertThat(JournalJobTest.lines(file).get(1).get("items").get(0).has("versionId")).isFalse();
        assertThat(JournalReader.read(file).resumeItems()).containsExactlyElementsOf(many);
    }

    /**
     * A job of six items: request 1 (DELETED, FAILED) answered on its second attempt, request 2 (the marker) answered,
     * request 3 (SENT, SENT_TOO) in flight when the process died, UNSENT never sent.
     */
    private Path killedMidJob(JobHeader header) {
        JobJournal journal = JobJournal.create(journalDir, header, PLAN);
        journal.onRequest(1, 1, List.of(DELETED, FAILED));
        journal.onRequest(1, 2, List.of(DELETED, FAILED));
        journal.onResults(List.of(
                new ItemResult(DELETED, DeleteOutcome.DELETED, null, null, null, "R1", 2),
                ItemResult.failed(FAILED, "AccessDenied", "=HYPERLINK(\"x\")\nsecond line", "R1", 2)));
        journal.onRequest(2, 1, List.of(MARKER_ADDED));
        journal.onResults(List.of(
                new ItemResult(MARKER_ADDED, DeleteOutcome.DELETE_MARKER_CREATED, "m1", null, null, "R2", 1)));
        journal.onRequest(3, 1, List.of(SENT, SENT_TOO));
        journal.close();
        return journal.path();
    }

    private static JobHeader header(String started) {
        return header(started, PLAN.size());
    }

    private static JobHeader header(String started, int plannedItems) {
        return new JobHeader(java.util.UUID.randomUUID().toString(), Instant.parse(started), "http://127.0.0.1:9000",
                "logs-bucket", "Delete some items", DeleteOptions.DEFAULTS, plannedItems, Map.of("versions", 4,
                "deleteMarkersAdded", 2), false);
    }
}
