package org.bucketsweep.model.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's reason to exist: a process killed in the middle of a job (kill -9, no shutdown hooks) leaves a
 * journal that tells exactly what is confirmed deleted, and resuming from it finishes the job without sending any
 * confirmed item again.
 */
class JournalCrashTest {

    private static final String BUCKET = "crash";
    private static final int KEYS = 80;
    private static final Duration DELETE_DELAY = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern KEY = Pattern.compile("<Key>(.*?)</Key>");

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path work;

    private S3Connection connection;
    private TestBuckets buckets;
    private Process child;

    @BeforeEach
    void seed() {
        connection = S3Connection.open(TestBuckets.settings(server.getUri()));
        buckets = new TestBuckets(connection.client());
        buckets.plainBucket(BUCKET);
        for (int i = 0; i < KEYS; i++) {
            buckets.put(BUCKET, JournalCrashDriver.key(i), "x");
        }
    }

    @AfterEach
    void close() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        connection.close();
    }

    @Test
    void aJobKilledMidwayResumesFromItsJournalWithoutResendingWhatWasConfirmed() throws Exception {
        Path journalDir = work.resolve("journal");
        FaultProxy slow = FaultProxy.start(server.getUri());
        Path file;
        try {
            slow.setPolicy(r -> r.hasQueryParameter("delete") ? Fault.delay(DELETE_DELAY) : Fault.pass());
            child = startDriver(slow, journalDir);

            file = awaitOutcomes(journalDir, 10);
            child.destroyForcibly();
            assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the child died").isTrue();
        } finally {
            // Closing the proxy drops a request it is still holding back; one it already passed on may still land,
            // which is exactly the doubt the journal has to allow for.
            slow.close();
        }
        List<RecordedRequest> firstJobOnTheWire = deletes(slow);
        JournalContents contents = JournalReader.read(file);

        assertThat(contents.finished()).as("the job was killed before its end record").isFalse();
        assertThat(JournalReader.unfinished(journalDir)).extracting(JournalEntry::path)
                .containsExactly(contents.path());
        assertThat(contents.plannedItems()).hasSize(KEYS);
        assertThat(contents.results()).hasSizeGreaterThanOrEqualTo(10).hasSizeLessThan(KEYS)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(DeleteOutcome.DELETED));

        // The request line reached the disk before the request left: whatever the server saw was journaled.
        Set<VersionRef> journaledAsSent = new HashSet<>();
        contents.requests().forEach(r -> journaledAsSent.addAll(r.items()));
        for (RecordedRequest request : firstJobOnTheWire) {
            assertThat(journaledAsSent).containsAll(keysIn(request));
        }

        Set<VersionRef> confirmed = new HashSet<>();
        contents.results().forEach(r -> confirmed.add(r.item()));
        Set<String> onServer = new HashSet<>(buckets.currentKeys(BUCKET));
        assertThat(confirmed).allSatisfy(ref -> assertThat(onServer).doesNotContain(ref.key()));
        List<VersionRef> resume = contents.resumeItems();
        assertThat(resume).hasSize(KEYS - confirmed.size()).doesNotContainAnyElementsOf(confirmed);
        // Never sent means still there; sent without an answer may have gone either way.
        List<VersionRef> inDoubt = contents.inDoubtItems();
        assertThat(inDoubt).hasSizeLessThanOrEqualTo(5);
        assertThat(resume).allSatisfy(ref -> {
            if (!inDoubt.contains(ref)) {
                assertThat(onServer).contains(ref.key());
            }
        });

        // Resume, as the app would, in this process, seeing every request on the wire.
        DeleteJob resumed = new DeleteJob(BUCKET, resume, false, contents.header().options());
        DeleteSummary summary;
        List<RecordedRequest> resumeOnTheWire;
        try (FaultProxy wire = FaultProxy.start(server.getUri());
             S3Connection viaWire = S3Connection.open(TestBuckets.settings(wire.uri()));
             JobJournal journal = JobJournal.create(journalDir, JobHeader.start(resumed,
                     viaWire.settings().describeEndpoint(), "Resume", Map.of("objects", resume.size())), resume)) {
            summary = new BatchDeleter(viaWire).run(resumed, MfaCodeSupplier.NONE, journal, new CancellationToken());
            journal.finish(summary);
            resumeOnTheWire = deletes(wire);
        }

        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(resume.size());
        assertThat(buckets.currentKeys(BUCKET)).isEmpty();
        List<VersionRef> resent = new ArrayList<>();
        resumeOnTheWire.forEach(r -> resent.addAll(keysIn(r)));
        assertThat(resent).containsExactlyInAnyOrderElementsOf(resume).doesNotContainAnyElementsOf(confirmed);
        assertThat(JournalReader.unfinished(journalDir)).extracting(JournalEntry::path)
                .containsExactly(contents.path());
    }

    private Process startDriver(FaultProxy proxy, Path journalDir) throws IOException {
        String classPath = System.getProperty("java.class.path");
        assertThat(classPath).as("the test class path, for the child").contains("test-classes");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", classPath, "-XX:TieredStopAtLevel=1",
                JournalCrashDriver.class.getName(), proxy.uri().toString(), BUCKET, journalDir.toString(),
                Integer.toString(KEYS))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("child.log").toFile())
                .start();
    }

    /** Polls the journal until it has {@code n} outcomes; fails, with the child's output, after {@link #PATIENCE}. */
    private Path awaitOutcomes(Path journalDir, int n) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                fail("The child exited (" + child.exitValue() + ") before it was killed:\n" + childLog());
            }
            Path file = journal(journalDir);
            if (file != null) {
                try {
                    if (JournalReader.read(file).results().size() >= n) {
                        return file;
                    }
                } catch (JournalReader.CorruptJournalException e) {
                    // The header is still being written.
                }
            }
            Thread.sleep(20);
        }
        return fail("No " + n + " outcomes were journaled within " + PATIENCE + ":\n" + childLog());
    }

    private static Path journal(Path journalDir) throws IOException {
        if (!Files.isDirectory(journalDir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(journalDir)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElse(null);
        }
    }

    private String childLog() throws IOException {
        Path log = work.resolve("child.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }

    private static List<RecordedRequest> deletes(FaultProxy proxy) {
        return proxy.requests().stream().filter(r -> r.hasQueryParameter("delete")).toList();
    }

    /** The keys of a DeleteObjects body; the test's keys need no XML unescaping. */
    private static List<VersionRef> keysIn(RecordedRequest request) {
        List<VersionRef> keys = new ArrayList<>();
        Matcher m = KEY.matcher(request.bodyAsString());
        while (m.find()) {
            keys.add(VersionRef.current(m.group(1)));
        }
        return keys;
    }
}
