package org.bucketsweep.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.journal.JournalReader;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against S3Proxy (which checks signatures and keeps versions). */
class CliTest {

    /** The CLI journals its jobs under BUCKETSWEEP_HOME: a folder of the test's, never the user's. */
    private static final Path HOME = temporaryHome();
    private static final Map<String, String> ENV = Map.of(
            "AWS_ACCESS_KEY_ID", TestBuckets.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", TestBuckets.SECRET_KEY,
            "BUCKETSWEEP_HOME", HOME.toString());

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("bucketsweep-cli-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path tmp;

    private S3Connection connection;
    private TestBuckets buckets;
    private FaultProxy proxy;

    @BeforeEach
    void connect() {
        connection = S3Connection.open(TestBuckets.settings(server.getUri()));
        buckets = new TestBuckets(connection.client());
    }

    @AfterEach
    void close() {
        connection.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    // ---- list-versions ----

    @Test
    void listVersionsPrintsEveryVersionAndDeleteMarkerAsJsonLinesInS3Order() {
        buckets.versionedBucket("lvs");
        String u1 = buckets.put("lvs", "ü/é.txt", "one");
        String u2 = buckets.put("lvs", "ü/é.txt", "two!");
        String amp = buckets.put("lvs", "&<>.txt", "x");
        String space = buckets.put("lvs", "with space.txt", "spaced");
        String marker = buckets.addDeleteMarker("lvs", "with space.txt");

        Run run = cli("list-versions", "--bucket", "lvs");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).isEmpty();
        // Raw UTF-8, not \\u escapes: any Unicode key round-trips.
        assertThat(run.out).contains("\"key\":\"ü/é.txt\"");
        List<JsonNode> rows = run.lines();
        // S3 order: keys by UTF-8 bytes ('&' < 'w' < 'ü'), the newest version of a key first.
        assertThat(rows).extracting(r -> r.get("key").asText() + " " + r.get("versionId").asText())
                .containsExactly("&<>.txt " + amp, "with space.txt " + marker, "with space.txt " + space,
                        "ü/é.txt " + u2, "ü/é.txt " + u1);
        assertThat(rows).extracting(r -> r.get("latest").asBoolean())
                .containsExactly(true, true, false, true, false);
        assertThat(rows).extracting(r -> r.get("deleteMarker").asBoolean())
                .containsExactly(false, true, false, false, false);
        assertThat(rows).extracting(r -> r.get("size").asLong()).containsExactly(1L, 0L, 6L, 4L, 3L);
        for (JsonNode row : rows) {
            assertThat(row.get("lastModified").asText()).endsWith("Z");
            assertThat(Instant.parse(row.get("lastModified").asText())).isBefore(Instant.now().plusSeconds(60));
            assertThat(fieldNames(row)).containsExactly(
                    "key", "versionId", "latest", "deleteMarker", "size", "lastModified");
        }

        Run under = cli("list-versions", "--bucket", "lvs", "--prefix", "ü/");
        assertThat(under.lines()).extracting(r -> r.get("versionId").asText()).containsExactly(u2, u1);
    }

    @Test
    void listVersionsOutputCanBeGivenToDeleteAsItems() {
        buckets.versionedBucket("pipe");
        buckets.put("pipe", "a&b <c>.txt", "1");
        buckets.put("pipe", "a&b <c>.txt", "2");
        buckets.addDeleteMarker("pipe", "a&b <c>.txt");

        Run listed = cli("list-versions", "--bucket", "pipe");
        Run deleted = cliWithStdin(listed.out, "delete", "--bucket", "pipe", "--items", "-");

        assertThat(deleted.exitCode).as(deleted.err).isZero();
        assertThat(deleted.lines()).extracting(r -> r.get("outcome").asText())
                .containsExactly("DELETE_MARKER_REMOVED", "DELETED", "DELETED");
        assertThat(deleted.err).contains("2 versions will be permanently deleted.", "1 delete marker will be removed.");
        assertThat(cli("list-versions", "--bucket", "pipe").out).isEmpty();
    }

    // ---- delete --items ----

    @Test
    void deleteItemsSendsExactlyTheFileAndWritesOneResultPerItem() throws IOException {
        buckets.versionedBucket("items");
        String a1 = buckets.put("items", "a.txt", "one");
        String a2 = buckets.put("items", "a.txt", "two");
        String b1 = buckets.put("items", "ü b.txt", "bee");
        Path file = write("items.jsonl",
                "{\"key\":\"a.txt\",\"versionId\":\"" + a1 + "\"}",
                "",
                "{\"key\":\"ü b.txt\"}");
        Path results = tmp.resolve("results.jsonl");

        Run run = cli("delete", "--bucket", "items", "--items", file.toString(), "--results", results.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("Bucket items (Versioned)", "1 version will be permanently deleted.",
                "1 delete marker will be added; the data stays and can be restored.",
                "Data deleted for good: 3 bytes.",
                "Done: DELETED=1 DELETE_MARKER_CREATED=1 DELETE_MARKER_REMOVED=0 FAILED=0 NOT_ATTEMPTED=0; 2 items in",
                "items/s");
        List<JsonNode> rows = lines(Files.readString(results, UTF_8));
        assertThat(rows).hasSize(2);
        JsonNode version = rows.stream().filter(r -> r.get("key").asText().equals("a.txt")).findFirst().orElseThrow();
        assertThat(version.get("versionId").asText()).isEqualTo(a1);
        assertThat(version.get("outcome").asText()).isEqualTo("DELETED");
        assertThat(version.has("errorCode")).isFalse(); // nulls are left out
        JsonNode key = rows.stream().filter(r -> r.get("key").asText().equals("ü b.txt")).findFirst().orElseThrow();
        assertThat(key.has("versionId")).isFalse();
        assertThat(key.get("outcome").asText()).isEqualTo("DELETE_MARKER_CREATED");
        assertThat(buckets.markersOf("items", "ü b.txt")).containsExactly(key.get("deleteMarkerVersionId").asText());

        assertThat(buckets.versionsOf("items", "a.txt")).containsExactly(a2);
        assertThat(buckets.versionsOf("items", "ü b.txt")).containsExactly(b1);
    }

    @Test
    void dryRunPrintsThePlanAndDeletesNothing() {
        buckets.versionedBucket("dry");
        String v1 = buckets.put("dry", "logs/a", "1");
        String v2 = buckets.put("dry", "logs/a", "22");
        String keep = buckets.put("dry", "keep", "k");

        Run run = cli("delete", "--bucket", "dry", "--intent", "all-versions", "--prefix", "logs/", "--dry-run");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.lines()).extracting(r -> r.get("key").asText() + " " + r.get("versionId").asText())
                .containsExactly("logs/a " + v2, "logs/a " + v1);
        assertThat(run.err).contains("delete all versions of everything under logs/ [dry run]",
                "2 versions will be permanently deleted.", "Data deleted for good: 3 bytes.");
        assertThat(run.err).doesNotContain("Done:");
        assertThat(buckets.versionsOf("dry", "logs/a")).containsExactly(v2, v1);
        assertThat(buckets.versionsOf("dry", "keep")).containsExactly(keep);
    }

    // ---- delete --intent ----

    @Test
    void intentAllVersionsDeletesEveryVersionAndMarkerUnderThePrefix() {
        buckets.versionedBucket("all");
        buckets.put("all", "logs/a", "1");
        buckets.put("all", "logs/a", "2");
        buckets.put("all", "logs/deep/b", "3");
        buckets.addDeleteMarker("all", "logs/deep/b");
        String other = buckets.put("all", "other", "4");

        Run run = cli("delete", "--bucket", "all", "--intent", "all-versions", "--prefix", "logs/");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.lines()).hasSize(4);
        assertThat(run.err).contains("3 versions will be permanently deleted.", "1 delete marker will be removed.");
        assertThat(cli("list-versions", "--bucket", "all").lines())
                .extracting(r -> r.get("key").asText() + " " + r.get("versionId").asText())
                .containsExactly("other " + other);
        // The job is journaled like the window's, and finished.
        assertThat(JournalReader.list(HOME.resolve("data").resolve("journal")))
                .filteredOn(entry -> entry.header().bucket().equals("all")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.finished()).isTrue();
                    assertThat(entry.recorded()).isEqualTo(4);
                });
    }

    @Test
    void intentNoncurrentKeepsTheNewestNoncurrentVersions() {
        buckets.versionedBucket("ncv");
        String v1 = buckets.put("ncv", "k", "1");
        String v2 = buckets.put("ncv", "k", "2");
        String v3 = buckets.put("ncv", "k", "3");
        String v4 = buckets.put("ncv", "k", "4");
        String single = buckets.put("ncv", "single", "s");

        Run run = cli("delete", "--bucket", "ncv", "--intent", "noncurrent", "--prefix", "", "--keep-newest", "1");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.lines()).extracting(r -> r.get("versionId").asText()).containsExactlyInAnyOrder(v1, v2);
        assertThat(buckets.versionsOf("ncv", "k")).containsExactly(v4, v3);
        assertThat(buckets.versionsOf("ncv", "single")).containsExactly(single);
    }

    @Test
    void intentNoncurrentAloneDeletesEveryNoncurrentVersionAndNoCurrentOne() {
        buckets.versionedBucket("ncall");
        String v1 = buckets.put("ncall", "logs/k", "1");
        String v2 = buckets.put("ncall", "logs/k", "2");
        String v3 = buckets.put("ncall", "logs/k", "3");
        String gone = buckets.put("ncall", "logs/gone", "g");
        String marker = buckets.addDeleteMarker("ncall", "logs/gone");
        String outside = buckets.put("ncall", "keep/k", "1");
        buckets.put("ncall", "keep/k", "2");

        Run run = cli("delete", "--bucket", "ncall", "--intent", "noncurrent", "--prefix", "logs/");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).contains("delete every noncurrent version of everything under logs/");
        assertThat(run.lines()).extracting(r -> r.get("versionId").asText()).containsExactlyInAnyOrder(v1, v2, gone);
        assertThat(buckets.versionsOf("ncall", "logs/k")).containsExactly(v3);
        assertThat(buckets.markersOf("ncall", "logs/gone")).containsExactly(marker);
        assertThat(buckets.versionsOf("ncall", "keep/k")).hasSize(2).contains(outside);
    }

    @Test
    void intentUndeleteRemovesTheLatestDeleteMarkers() {
        buckets.versionedBucket("undel");
        String v1 = buckets.put("undel", "docs/a.txt", "a");
        String marker = buckets.addDeleteMarker("undel", "docs/a.txt");
        buckets.put("undel", "docs/b.txt", "b");

        Run run = cli("delete", "--bucket", "undel", "--intent", "undelete", "--prefix", "docs/");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.lines()).singleElement().satisfies(r -> {
            assertThat(r.get("key").asText()).isEqualTo("docs/a.txt");
            assertThat(r.get("versionId").asText()).isEqualTo(marker);
            assertThat(r.get("outcome").asText()).isEqualTo("DELETE_MARKER_REMOVED");
        });
        assertThat(buckets.markersOf("undel", "docs/a.txt")).isEmpty();
        assertThat(buckets.versionsOf("undel", "docs/a.txt")).containsExactly(v1);
        assertThat(buckets.currentKeys("undel")).containsExactly("docs/a.txt", "docs/b.txt");
    }

    @Test
    void intentMarkersHidesEveryCurrentKeyUnderThePrefix() {
        buckets.versionedBucket("marks");
        String a = buckets.put("marks", "p/a", "a");
        String b = buckets.put("marks", "p/deep/b", "b");
        buckets.put("marks", "p/gone", "g");
        buckets.addDeleteMarker("marks", "p/gone");
        buckets.put("marks", "q/c", "c");

        Run run = cli("delete", "--bucket", "marks", "--intent", "markers", "--prefix", "p/");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).contains("add delete markers to everything under p/", "2 delete markers will be added");
        assertThat(run.lines()).extracting(r -> r.get("key").asText() + " " + r.get("outcome").asText())
                .containsExactlyInAnyOrder("p/a DELETE_MARKER_CREATED", "p/deep/b DELETE_MARKER_CREATED");
        assertThat(buckets.currentKeys("marks")).containsExactly("q/c");
        assertThat(buckets.versionsOf("marks", "p/a")).containsExactly(a);
        assertThat(buckets.versionsOf("marks", "p/deep/b")).containsExactly(b);
        assertThat(buckets.markersOf("marks", "p/gone")).hasSize(1);
    }

    // ---- failures and exit codes ----

    @Test
    void exitsTwoWhenSomeItemsFail() throws IOException {
        buckets.versionedBucket("fail");
        String v1 = buckets.put("fail", "a", "1");
        String v2 = buckets.put("fail", "b", "2");
        String v3 = buckets.put("fail", "c", "3");
        proxy = FaultProxy.start(server.getUri());
        proxy.setPolicy(Fault.firstN(1, CliTest::isDeleteObjects, Fault.status(403, "AccessDenied", "Access Denied")));
        Path file = write("items.jsonl", item("a", v1), item("b", v2), item("c", v3));

        Run run = cliAt(proxy.uri().toString(), "delete", "--bucket", "fail", "--items", file.toString(),
                "--batch-size", "1", "--concurrency", "1");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.lines()).extracting(r -> r.get("key").asText() + " " + r.get("outcome").asText())
                .containsExactly("a FAILED", "b DELETED", "c DELETED");
        assertThat(run.lines().get(0).get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(run.lines().get(0).get("requestId").asText()).isNotBlank();
        assertThat(run.err).contains("FAILED=1", "Failed by error code: AccessDenied=1.");
        assertThat(buckets.versionsOf("fail", "a")).containsExactly(v1);
        assertThat(buckets.versionsOf("fail", "b")).isEmpty();
    }

    @Test
    void ctrlCLetsTheRequestInFlightFinishAndReportsTheRestNotAttempted() throws IOException {
        buckets.plainBucket("stop");
        List<String> lines = new ArrayList<>();
        for (String key : List.of("a", "b", "c", "d")) {
            buckets.put("stop", key, key);
            lines.add("{\"key\":\"" + key + "\"}");
        }
        Path file = write("items.jsonl", lines.toArray(String[]::new));
        proxy = FaultProxy.start(server.getUri());
        AtomicReference<Runnable> ctrlC = new AtomicReference<>();
        List<Integer> finishedWith = new ArrayList<>();
        Interrupts interrupts = cancel -> {
            ctrlC.set(cancel);
            return finishedWith::add;
        };
        proxy.setPolicy(request -> {
            if (isDeleteObjects(request)) {
                ctrlC.get().run(); // Ctrl+C while the first request is on its way
            }
            return Fault.pass();
        });

        Run run = run(new Call().endpoint(proxy.uri().toString()).interrupts(interrupts),
                "delete", "--bucket", "stop", "--items", file.toString(), "--batch-size", "1", "--concurrency", "1");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(finishedWith).containsExactly(2);
        assertThat(run.lines()).extracting(r -> r.get("key").asText() + " " + r.get("outcome").asText())
                .containsExactly("a DELETED", "b NOT_ATTEMPTED", "c NOT_ATTEMPTED", "d NOT_ATTEMPTED");
        assertThat(run.err).contains("Cancelled: DELETED=1", "NOT_ATTEMPTED=3");
        assertThat(buckets.currentKeys("stop")).containsExactly("b", "c", "d");
    }

    @Test
    void aWrongSecretKeyExitsOneWithTheServersErrorAndNoStackTrace() {
        buckets.versionedBucket("keys");
        Map<String, String> wrong = Map.of(
                "AWS_ACCESS_KEY_ID", TestBuckets.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", "not-the-secret",
                "BUCKETSWEEP_HOME", HOME.toString());

        Run list = run(new Call().env(wrong), "list-versions", "--bucket", "keys");
        Run delete = run(new Call().env(wrong), "delete", "--bucket", "keys", "--intent", "all-versions",
                "--prefix", "");

        for (Run run : List.of(list, delete)) {
            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.out).isEmpty();
            assertThat(run.err).startsWith("Error: SignatureDoesNotMatch")
                    .contains("Hint: The secret key does not match the access key id");
            assertNoStackTrace(run);
        }
    }

    @Test
    void anUnreachableEndpointExitsOneWithAClearMessage() {
        Run run = cliAt("http://127.0.0.1:1", "list-versions", "--bucket", "b");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("Error: ConnectionFailed: Could not connect")
                .contains("Hint: Check the endpoint URL and that the server is running.");
        assertNoStackTrace(run);
    }

    @Test
    void aMissingBucketExitsOneWithNoSuchBucket() {
        Run list = cli("list-versions", "--bucket", "nope");
        Run delete = cli("delete", "--bucket", "nope", "--intent", "undelete", "--prefix", "");

        for (Run run : List.of(list, delete)) {
            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.err).startsWith("Error: NoSuchBucket").contains("Hint: The bucket does not exist");
            assertNoStackTrace(run);
        }
    }

    @Test
    void usageErrorsExitOneWithAMessageAndNoStackTrace() throws IOException {
        Path bad = write("bad.jsonl", "{\"key\":\"a\"}", "{\"versionId\":\"v\"}");
        List<Run> runs = List.of(
                cli("delete", "--bucket", "b"),
                cli("delete", "--bucket", "b", "--intent", "all-versions"),
                cli("delete", "--bucket", "b", "--intent", "everything", "--prefix", ""),
                cli("delete", "--bucket", "b", "--intent", "noncurrent", "--prefix", "", "--older-than", "yesterday"),
                cli("delete", "--bucket", "b", "--items", bad.toString()),
                cli("delete", "--bucket", "b", "--items", "x", "--mfa-code-command", "echo 1"),
                cli("delete", "--bucket", "b", "--items", "x", "--batch-size", "1001"),
                cli("delete", "--bucket", "b", "--items", "x", "--concurrency", "many"),
                cli("list-versions", "--bucket", "b", "--endpoint", "not a url"),
                cli("list-versions", "--bucket", "b", "--bukket=x"),
                cli("list-versions"));

        assertThat(runs).extracting(r -> r.exitCode).containsOnly(1);
        assertThat(runs).extracting(r -> firstLine(r.err)).containsExactly(
                "Error: Give either --items FILE or --intent INTENT --prefix PREFIX.",
                "Error: --intent needs --prefix PREFIX (--prefix '' for the whole bucket).",
                "Error: Invalid value for option '--intent': 'everything' is not an intent; use one of"
                        + " all-versions, noncurrent, undelete, rollback, markers.",
                "Error: Invalid value for option '--older-than': 'yesterday' is not a date such as 2025-01-31 (the"
                        + " start of that day in UTC) or an instant such as 2025-01-31T12:00:00Z.",
                "Error: " + bad + " line 2: no \"key\" string; each line must be {\"key\":\"…\"} or"
                        + " {\"key\":\"…\",\"versionId\":\"…\"}.",
                "Error: --mfa-code-command needs --mfa-serial SERIAL.",
                "Error: --batch-size must be 1 to 1000, not 1001.",
                "Error: --concurrency must be auto or 1 to 64, not many.",
                "Error: --endpoint must be an http:// or https:// URL with a host, not 'not a url'.",
                "Error: Unknown option: '--bukket=x'",
                "Error: Missing required option: '--bucket=BUCKET'");
        assertThat(runs.get(0).err).contains("Try 'bucketsweep delete --help' for more information.");
        runs.forEach(CliTest::assertNoStackTrace);
        assertThat(runs).extracting(r -> r.out).containsOnly("");
    }

    @Test
    void olderThanTakesADateAsTheStartOfThatDayInUtcOrAnInstant() {
        InstantConverter convert = new InstantConverter();
        assertThat(convert.convert("2025-01-31")).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
        assertThat(convert.convert("2025-01-31T12:30:00Z")).isEqualTo(Instant.parse("2025-01-31T12:30:00Z"));
        assertThat(convert.convert("2025-01-31T12:30:00+02:00")).isEqualTo(Instant.parse("2025-01-31T10:30:00Z"));
    }

    @Test
    void helpAndVersionWork() {
        Run help = cli("delete", "--help");
        Run topHelp = cli("help", "list-versions");
        Run version = cli("--version");

        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("Usage: bucketsweep delete", "--items=FILE", "--mfa-code-command=CMD",
                "Exit codes:", "Intents:", "  all-versions  every version and delete marker");
        assertThat(topHelp.exitCode).isZero();
        assertThat(topHelp.out).contains("Usage: bucketsweep list-versions", "--endpoint=URL", "--profile=NAME");
        assertThat(version.exitCode).isZero();
        assertThat(version.out).startsWith("bucketsweep ");
        assertThat(Cli.handles(new String[] {"delete"})).isTrue();
        assertThat(Cli.handles(new String[] {"--demo"})).isFalse();
        assertThat(Cli.handles(new String[0])).isFalse();
    }

    // ---- MFA ----

    @Test
    void anMfaCodeCommandIsRunForEachRequestThatDeletesVersionsAndNoCodeIsSentTwice() throws IOException {
        Path file = mfaItems("mfa-codes");
        proxy = FaultProxy.start(server.getUri());
        Path counter = tmp.resolve("counter");
        // A new code each run: 700001, 700002, ...
        String command = "n=$(cat '" + counter + "' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + counter
                + "'; printf '7%05d\\n' $n";

        Run run = cliAt(proxy.uri().toString(), "delete", "--bucket", "mfa-codes", "--items", file.toString(),
                "--mfa-serial", "arn:aws:iam::123456789012:mfa/ci", "--mfa-code-command", command);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).contains("2 requests need an MFA code.");
        assertThat(mfaHeadersOfVersionRequests()).containsExactly(
                "arn:aws:iam::123456789012:mfa/ci 700001", "arn:aws:iam::123456789012:mfa/ci 700002");
        assertThat(deleteObjectsRequests()).filteredOn(r -> !r.bodyAsString().contains("<VersionId>"))
                .singleElement().satisfies(r -> assertThat(r.header("x-amz-mfa")).isEmpty());
        assertThat(run.err + run.out).doesNotContain("700001", "700002");
    }

    @Test
    void aRepeatedCodeIsPolledUntilItChanges() throws IOException {
        Path file = mfaItems("mfa-repeat");
        proxy = FaultProxy.start(server.getUri());
        Path counter = tmp.resolve("counter");
        // The same code for two runs (the second request comes within the same TOTP period), then a new one.
        String command = "n=$(cat '" + counter + "' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + counter
                + "'; if [ $n -le 2 ]; then echo 111111; else echo 222222; fi";

        Run run = cliAt(proxy.uri().toString(), "delete", "--bucket", "mfa-repeat", "--items", file.toString(),
                "--mfa-serial", "S", "--mfa-code-command", command);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(mfaHeadersOfVersionRequests()).containsExactly("S 111111", "S 222222");
        assertThat(run.err).contains("already used; waiting for the next code");
        // Once per request, and once more after the one-second pause.
        assertThat(Files.readString(counter).trim()).isEqualTo("3");
    }

    @Test
    void aCodeThatNeverChangesStopsTheJobAfterOneTotpPeriod() throws IOException {
        buckets.versionedBucket("mfa-stuck");
        String v1 = buckets.put("mfa-stuck", "a", "1");
        buckets.put("mfa-stuck", "a", "2");
        // Made-up versions fill the first request (S3Proxy answers NoSuchVersion for them); "a" goes in the second.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < DeleteJob.MAX_BATCH; i++) {
            lines.add(item("ghost", "g" + i));
        }
        lines.add(item("a", v1));
        Path file = write("items.jsonl", lines.toArray(String[]::new));
        proxy = FaultProxy.start(server.getUri());

        // The context's wait is 3 s here instead of 35 s.
        Run run = cliAt(proxy.uri().toString(), "delete", "--bucket", "mfa-stuck", "--items", file.toString(),
                "--mfa-serial", "S", "--mfa-code-command", "echo 123456");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(mfaHeadersOfVersionRequests()).containsExactly("S 123456");
        assertThat(run.err).contains("already used; waiting for the next code (at most 3 s).",
                "printed only codes that were already used for 3 s; a TOTP code works once. Stopping the job.",
                "NOT_ATTEMPTED=1;");
        assertThat(run.lines()).filteredOn(r -> r.get("outcome").asText().equals("NOT_ATTEMPTED"))
                .extracting(r -> r.get("key").asText()).containsExactly("a");
        assertThat(buckets.versionsOf("mfa-stuck", "a")).hasSize(2);
    }

    @Test
    void mfaCodesAreTypedAtTheTerminalOrTheJobFailsClearlyWithoutOne() throws IOException {
        buckets.versionedBucket("typed");
        String v1 = buckets.put("typed", "a", "1");
        buckets.put("typed", "a", "2");
        Path file = write("items.jsonl", item("a", v1));
        proxy = FaultProxy.start(server.getUri());
        List<String> prompts = new ArrayList<>();
        MfaConsole console = prompt -> {
            prompts.add(prompt);
            return "  654321 ".toCharArray();
        };

        Run noTerminal = run(new Call().endpoint(proxy.uri().toString()),
                "delete", "--bucket", "typed", "--items", file.toString(), "--mfa-serial", "S");
        Run typed = run(new Call().endpoint(proxy.uri().toString()).console(() -> console),
                "delete", "--bucket", "typed", "--items", file.toString(), "--mfa-serial", "S");

        assertThat(noTerminal.exitCode).isEqualTo(1);
        assertThat(noTerminal.err).contains("Error: This job needs an MFA code for each request that deletes"
                + " versions, and there is no terminal to type them: give --mfa-code-command CMD.");
        assertThat(typed.exitCode).as(typed.err).isZero();
        assertThat(prompts).containsExactly("MFA code for S (request 1 of 1, empty to stop): ");
        assertThat(mfaHeadersOfVersionRequests()).containsExactly("S 654321");
        assertThat(buckets.versionsOf("typed", "a")).hasSize(1);
    }

    // ---- helpers ----

    /**
     * A versioned bucket with keys "a0000" to "a1000" and "b", and an items file that deletes the 1001 versions of
     * the a-keys and adds a marker to "b". An MFA job sends 1000 versions a request: two requests need a code.
     * (Many keys rather than many versions of one: S3Proxy slows down with each version of a key.)
     */
    private Path mfaItems(String bucket) throws IOException {
        buckets.versionedBucket(bucket);
        buckets.put(bucket, "b", "b");
        List<String> lines = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> puts = IntStream.range(0, 1001).mapToObj(i -> String.format("a%04d", i))
                    .map(key -> pool.submit(() -> item(key, buckets.put(bucket, key, key))))
                    .toList();
            for (Future<String> put : puts) {
                lines.add(put.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        lines.add("{\"key\":\"b\"}");
        return write(bucket + ".jsonl", lines.toArray(String[]::new));
    }

    private List<String> mfaHeadersOfVersionRequests() {
        return deleteObjectsRequests().stream()
                .filter(r -> r.bodyAsString().contains("<VersionId>"))
                .map(r -> r.header("x-amz-mfa").orElse("(none)"))
                .toList();
    }

    private List<RecordedRequest> deleteObjectsRequests() {
        return proxy.requests().stream().filter(CliTest::isDeleteObjects).toList();
    }

    private static boolean isDeleteObjects(RecordedRequest r) {
        return r.method().equals("POST") && r.hasQueryParameter("delete");
    }

    private static String item(String key, String versionId) {
        return "{\"key\":\"" + key + "\",\"versionId\":\"" + versionId + "\"}";
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(tmp.resolve(name), String.join("\n", lines) + "\n", UTF_8);
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err).doesNotContain("\tat ", "Exception", "Caused by");
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> lines(String jsonLines) {
        return jsonLines.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private Run cli(String... args) {
        return run(new Call(), args);
    }

    private Run cliAt(String endpoint, String... args) {
        return run(new Call().endpoint(endpoint), args);
    }

    private Run cliWithStdin(String stdin, String... args) {
        return run(new Call().stdin(stdin), args);
    }

    /** Runs the CLI in-process; connection options go after the command's own. */
    private Run run(Call call, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        boolean command = args.length > 0 && (args[0].equals("list-versions") || args[0].equals("delete"));
        boolean wantsHelp = all.contains("--help") || all.contains("--version");
        if (command && !wantsHelp && !all.contains("--endpoint")) {
            all.addAll(List.of("--endpoint", call.endpoint == null ? server.getUri().toString() : call.endpoint,
                    "--path-style"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(out, new PrintStream(err, true, UTF_8),
                new ByteArrayInputStream(call.stdin.getBytes(UTF_8)), call.env, call.console, call.interrupts,
                Duration.ofSeconds(3));
        int exitCode = Cli.run(all.toArray(String[]::new), context);
        return new Run(exitCode, out.toString(UTF_8), err.toString(UTF_8));
    }

    /** What one in-process run gets besides its arguments. */
    private static final class Call {
        String endpoint;
        String stdin = "";
        Map<String, String> env = ENV;
        Supplier<MfaConsole> console = () -> null;
        Interrupts interrupts = Interrupts.none();

        Call endpoint(String value) {
            endpoint = value;
            return this;
        }

        Call stdin(String value) {
            stdin = value;
            return this;
        }

        Call env(Map<String, String> value) {
            env = value;
            return this;
        }

        Call console(Supplier<MfaConsole> value) {
            console = value;
            return this;
        }

        Call interrupts(Interrupts value) {
            interrupts = value;
            return this;
        }
    }

    private record Run(int exitCode, String out, String err) {
        List<JsonNode> lines() {
            return CliTest.lines(out);
        }
    }
}
