package org.bucketsweep.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delete --if-unchanged}: a plan written by {@code --dry-run} carries each current object's ETag, and
 * deleting that plan later leaves an object overwritten in between (S3Proxy checks the ETag as AWS does).
 */
class ConditionalDeleteCliTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path tmp;

    private ProxiedConnection s3;
    private TestBuckets buckets;

    @BeforeEach
    void seed() throws Exception {
        s3 = ProxiedConnection.to(server.getUri());
        buckets = s3.buckets();
        buckets.plainBucket("plain");
        buckets.put("plain", "a.txt", "a");
        buckets.put("plain", "b.txt", "b");
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void aPlanDeletedAfterAnOverwriteLeavesTheOverwrittenObject() throws Exception {
        Path plan = dryRun();
        assertThat(Files.readString(plan, UTF_8)).contains("\"eTag\":");
        buckets.put("plain", "b.txt", "b, newer than the plan");

        CliRun run = cli("delete", "--bucket", "plain", "--items", plan.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Cli.INCOMPLETE);
        assertThat(run.lines()).extracting(r -> r.get("key").asText() + " " + r.get("outcome").asText())
                .containsExactlyInAnyOrder("a.txt DELETED", "b.txt FAILED");
        JsonNode b = run.lines().stream().filter(r -> r.get("key").asText().equals("b.txt")).findFirst().orElseThrow();
        assertThat(b.get("errorCode").asText()).isEqualTo("PreconditionFailed");
        assertThat(b.get("errorMessage").asText()).contains("Changed since the preview");
        assertThat(run.err()).contains("deleted only if unchanged since this preview");
        assertThat(buckets.currentKeys("plain")).containsExactly("b.txt");
    }

    @Test
    void neverDeletesTheOverwrittenObjectToo() throws Exception {
        Path plan = dryRun();
        buckets.put("plain", "b.txt", "b, newer than the plan");

        CliRun run = cli("delete", "--bucket", "plain", "--items", plan.toString(), "--if-unchanged", "never");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("no ETag is sent");
        assertThat(buckets.currentKeys("plain")).isEmpty();
    }

    @Test
    void aServerRejectingTheETagsStopsTheJobAndSaysHowToGoOn() throws Exception {
        Path plan = dryRun();
        AtomicInteger rejected = new AtomicInteger();
        s3.proxy().setPolicy(r -> r.hasQueryParameter("delete") && r.bodyAsString().contains("<ETag>")
                && rejected.incrementAndGet() < 50
                ? Fault.status(400, "InvalidArgument", "Unsupported element ETag in Object")
                : Fault.pass());

        CliRun run = cli("delete", "--bucket", "plain", "--items", plan.toString());

        assertThat(run.exitCode()).isEqualTo(Cli.INCOMPLETE);
        assertThat(run.lines()).extracting(r -> r.get("errorCode").asText())
                .containsOnly("ConditionalDeleteUnsupported");
        assertThat(run.err()).contains("rerun with --if-unchanged never");
        assertThat(buckets.currentKeys("plain")).containsExactlyInAnyOrder("a.txt", "b.txt");

        CliRun again = cli("delete", "--bucket", "plain", "--items", plan.toString(), "--if-unchanged", "never");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(buckets.currentKeys("plain")).isEmpty();
    }

    @Test
    void aWrongModeIsAUsageError() throws Exception {
        CliRun run = cli("delete", "--bucket", "plain", "--items", dryRun().toString(), "--if-unchanged", "maybe");

        assertThat(run.exitCode()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("--if-unchanged must be auto, always or never");
        assertThat(buckets.currentKeys("plain")).hasSize(2);
    }

    @Test
    void alwaysChecksFirstThatTheServerHonoursETagsAndThenDeletes() throws Exception {
        Path plan = dryRun();
        buckets.put("plain", "b.txt", "b, newer than the plan");

        CliRun run = cli("delete", "--bucket", "plain", "--items", plan.toString(), "--if-unchanged", "always");

        assertThat(run.err()).contains("Checked: the server honours conditional deletes.");
        assertThat(run.lines()).extracting(r -> r.get("key").asText() + " " + r.get("outcome").asText())
                .containsExactlyInAnyOrder("a.txt DELETED", "b.txt FAILED");
        assertThat(buckets.currentKeys("plain")).containsExactly("b.txt");
    }

    @Test
    void alwaysRefusesToDeleteOnAServerThatIgnoresETags() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LocalS3 localS3 = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        localS3.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try (S3Connection connection = S3Connection.open(TestBuckets.settings(endpoint))) {
            TestBuckets local = new TestBuckets(connection.client());
            local.plainBucket("ignoring");
            local.put("ignoring", "a.txt", "a");
            Path home = tmp.resolve("local-home");
            CliRun planned = CliRun.against(endpoint, home, "delete", "--bucket", "ignoring", "--intent", "markers",
                    "--prefix", "", "--dry-run");
            Path plan = tmp.resolve("local-plan.jsonl");
            Files.writeString(plan, planned.out(), UTF_8);

            CliRun run = CliRun.against(endpoint, home, "delete", "--bucket", "ignoring", "--items", plan.toString(),
                    "--if-unchanged", "always");

            assertThat(run.exitCode()).isEqualTo(Cli.ERROR);
            assertThat(run.err()).contains("The server ignores the ETag", "Nothing was deleted");
            // The file's object is untouched, and the probe's own object is gone again.
            assertThat(local.currentKeys("ignoring")).containsExactly("a.txt");
        } finally {
            localS3.shutdown();
        }
    }

    /** The plan of deleting every current object, as {@code --dry-run} prints it. */
    private Path dryRun() throws Exception {
        CliRun run = cli("delete", "--bucket", "plain", "--intent", "markers", "--prefix", "", "--dry-run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path plan = tmp.resolve("plan.jsonl");
        Files.writeString(plan, run.out(), UTF_8);
        return plan;
    }

    private CliRun cli(String... args) {
        return CliRun.against(s3.proxy().uri(), tmp.resolve("home"), args);
    }
}
