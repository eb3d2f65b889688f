package org.bucketsweep.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
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
