package org.bucketsweep.model.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteListener;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A whole job through the engine against a real server, journaled, then read back line by line. */
class JournalJobTest {

    private static final String BUCKET = "journaled";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    @TempDir
    Path journalDir;

    private S3Connection connection;
    private TestBuckets buckets;
    private final List<ItemResult> streamed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        buckets.versionedBucket(BUCKET);
    }

    @Test
    void aFinishedJobReadsBackWithPlanRequestsOutcomesAndEnd() throws IOException {
        buckets.put(BUCKET, "ü/é.txt", "1");
        buckets.put(BUCKET, "&<>\"'.txt", "2");
        String marker = buckets.addDeleteMarker(BUCKET, "&<>\"'.txt");
        String newline = buckets.put(BUCKET, "line\nbreak", "3");
        // S3Proxy cannot store "a//b" (its HTTP layer folds the slashes), but it answers for it in DeleteObjects:
        // a version it does not have fails, and the key without a version gets a marker.
        List<VersionRef> plan = List.of(
                new VersionRef("line\nbreak", newline),
                new VersionRef("&<>\"'.txt", marker),
                new VersionRef("a//b", "no-such-version"),
                VersionRef.current("ü/é.txt"),
                VersionRef.current("a//b"));
        DeleteJob job = new DeleteJob(BUCKET, plan, false, DeleteOptions.DEFAULTS.withBatchSize(2).withConcurrency(1));
        Map<String, Integer> planned = new LinkedHashMap<>();
        planned.put("versions", 2);
        planned.put("deleteMarkersRemoved", 1);
        planned.put("deleteMarkersAdded", 2);
        JobHeader header = JobHeader.start(job, connection.settings().describeEndpoint(), "Delete 5 odd items",
                planned);

        DeleteSummary summary;
        try (JobJournal journal = JobJournal.create(journalDir, header, job.items())) {
            summary = new BatchDeleter(connection).run(job, MfaCodeSupplier.NONE, forwardingTo(journal),
                    new CancellationToken());
            journal.finish(summary);
        }

        // What the server did, for reference.
        assertThat(buckets.currentKeys(BUCKET)).containsExactly("&<>\"'.txt");
        assertThat(buckets.markersOf(BUCKET, "a//b")).hasSize(1);
        assertThat(summary.count(DeleteOutcome.FAILED)).isEqualTo(1);

        Path file = single(journalDir);
        assertThat(file.getFileName().toString())
                .matches("\\d{8}-\\d{6}-" + BUCKET + "-" + header.jobId().substring(0, 8) + "\\.jsonl");
        JournalContents contents = JournalReader.read(file);
        assertThat(contents.header()).isEqualTo(header);
        assertThat(contents.header().endpoint()).isEqualTo(server.getUri().toString());
        assertThat(contents.plannedItems()).containsExactlyElementsOf(plan);
        // Every field of every result, the odd keys included, comes back exactly as the engine reported it.
        assertThat(contents.results()).containsExactlyInAnyOrderElementsOf(streamed).hasSize(5);
        assertThat(contents.results()).extracting(ItemResult::item).containsExactlyInAnyOrderElementsOf(plan);
        assertThat(contents.results()).filteredOn(r -> r.outcome() == DeleteOutcome.FAILED).singleElement()
                .satisfies(r -> {
                    assertThat(r.errorCode()).isEqualTo("NoSuchVersion");
                    assertThat(r.errorMessage()).isNotBlank();
                    assertThat(r.requestId()).isNotBlank();
                    assertThat(r.attempts()).isEqualTo(1);
                });
        assertThat(contents.finished()).isTrue();
        assertThat(contents.endSummary().requestsSent()).isEqualTo(3);
        for (DeleteOutcome outcome : DeleteOutcome.values()) {
            assertThat(contents.endSummary().count(outcome)).as(outcome.name()).isEqualTo(summary.count(outcome));
        }
        // Only the failed version is left to do; the keys that got their markers are done.
        assertThat(contents.resumeItems()).containsExactly(new VersionRef("a//b", "no-such-version"));
        assertThat(contents.retryItems()).containsExactly(new VersionRef("a//b", "no-such-version"));
        assertThat(contents.inDoubtItems()).isEmpty();
        assertThat(contents.counts()).containsEntry(DeleteOutcome.DELETED, 1)
                .containsEntry(DeleteOutcome.DELETE_MARKER_CREATED, 2)
                .containsEntry(DeleteOutcome.DELETE_MARKER_REMOVED, 1)
                .containsEntry(DeleteOutcome.FAILED, 1);

        // The lines themselves: header, plan, then each outcome group right after its own request, then the end.
        List<JsonNode> lines = lines(file);
        assertThat(lines).extracting(l -> l.get("type").asText()).containsExactly(
                "header", "plan", "request", "outcome", "outcome", "request", "outcome",
                "request", "outcome", "outcome", "end");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("type").asText().equals("request")) {
                List<String> requested = new ArrayList<>();
                lines.get(i).get("items").forEach(item -> requested.add(item.get("key").asText()));
                List<String> answered = new ArrayList<>();
                for (int j = i + 1; lines.get(j).get("type").asText().equals("outcome"); j++) {
                    answered.add(lines.get(j).get("key").asText());
                }
                assertThat(answered).containsExactlyInAnyOrderElementsOf(requested);
            }
        }
        assertThat(lines.get(0).get("options").has("retry")).isFalse();
        assertThat(lines.get(lines.size() - 1).get("counts").get("DELETE_MARKER_CREATED").asInt()).isEqualTo(2);
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(TestBuckets.SECRET_KEY).doesNotContain(TestBuckets.ACCESS_KEY)
                .contains("ü/é.txt");

        assertThat(JournalReader.list(journalDir)).singleElement().satisfies(entry -> {
            assertThat(entry.finished()).isTrue();
            assertThat(entry.header()).isEqualTo(header);
            assertThat(entry.count(DeleteOutcome.DELETE_MARKER_CREATED)).isEqualTo(2);
            assertThat(entry.recorded()).isEqualTo(5);
            assertThat(entry.withoutOutcome()).isZero();
        });
        assertThat(JournalReader.unfinished(journalDir)).isEmpty();
    }

    @Test
    void anMfaCodeNeverReachesTheJournal() throws IOException {
        String v1 = buckets.put(BUCKET, "secret.txt", "s");
        DeleteJob job = DeleteJob.of(BUCKET, List.of(new VersionRef("secret.txt", v1)), true);
        JobHeader header = JobHeader.start(job, "local", "Delete one version", Map.of("versions", 1));

        try (JobJournal journal = JobJournal.create(journalDir, header, job.items())) {
            // S3Proxy ignores x-amz-mfa; what matters is where the code ends up.
            DeleteSummary summary = new BatchDeleter(connection).run(job, request -> "arn:aws:iam::1:mfa/me 918273",
                    forwardingTo(journal), new CancellationToken());
            journal.finish(summary);
        }

        Path file = single(journalDir);
        assertThat(JournalReader.read(file).header().mfaUsed()).isTrue();
        assertThat(Files.readString(file)).doesNotContain("918273").doesNotContain("arn:aws:iam");
    }

    private DeleteListener forwardingTo(JobJournal journal) {
        return DeleteListener.both(journal, streamed::addAll);
    }

    static Path single(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** The file split at '\n' only: a key's own newline must not have split a record. */
    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
