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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.LifecycleStandIn;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bucketsweep lifecycle}, in-process, on S3Proxy. S3Proxy has no lifecycle support (one test checks its
 * message); the others put a {@link LifecycleStandIn} in front of it, and read the stored configuration back.
 */
class LifecycleCommandTest {

    private static final Map<String, String> ENV = Map.of(
            "AWS_ACCESS_KEY_ID", TestBuckets.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", TestBuckets.SECRET_KEY);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THEIRS = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Rule><ID>their-rule</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status>"
            + "<Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private FaultProxy proxy;
    private LifecycleStandIn lifecycle;

    @BeforeEach
    void start() throws IOException {
        try (S3Connection connection = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            new TestBuckets(connection.client()).versionedBucket("logs");
        }
        proxy = FaultProxy.start(server.getUri());
        lifecycle = new LifecycleStandIn(THEIRS);
        proxy.setPolicy(lifecycle);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void addShowsTheMergedXmlAndTheExplanationAndSendsItWhenConfirmed() {
        Run run = cli("y\n", "lifecycle", "add", "--bucket", "logs", "--prefix", "app/", "--noncurrent-days", "30",
                "--keep-newest", "3", "--expired-markers", "--abort-uploads-days", "7");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("<ID>their-rule</ID>", "<ID>bucketsweep-app/</ID>",
                "<NewerNoncurrentVersions>3</NewerNoncurrentVersions>");
        assertThat(run.err).contains("after it became noncurrent", "asynchronous",
                "other rule is kept as they are: their-rule", "Apply this to bucket logs? [y/N]", "Done");
        assertThat(lifecycle.stored()).contains("<ID>their-rule</ID>", "<ID>bucketsweep-app/</ID>");

        List<JsonNode> rules = cli("", "lifecycle", "list", "--bucket", "logs").lines();
        assertThat(rules).extracting(r -> r.get("id").asText() + " " + r.get("bucketsweep").asBoolean())
                .containsExactly("their-rule false", "bucketsweep-app/ true");
        assertThat(rules.get(1).get("actions").asText()).contains("except the newest 3 of each key");
    }

    @Test
    void withoutConfirmationNothingIsSent() {
        Run run = cli("", "lifecycle", "add", "--bucket", "logs", "--expired-markers");

        assertThat(run.exitCode).isEqualTo(Cli.ERROR);
        assertThat(run.err).contains("Nothing was changed.");
        assertThat(lifecycle.stored()).isEqualTo(THEIRS);
    }

    @Test
    void removeTakesOnlyBucketSweepsRulesAndTheLastOneDeletesTheConfiguration() {
        assertThat(cli("", "lifecycle", "add", "--bucket", "logs", "--noncurrent-days", "1", "--yes").exitCode)
                .isZero();

        Run refused = cli("", "lifecycle", "remove", "--bucket", "logs", "--id", "their-rule", "--yes");
        assertThat(refused.exitCode).isEqualTo(Cli.ERROR);
        assertThat(refused.err).contains("not made by BucketSweep");

        Run run = cli("", "lifecycle", "remove", "--bucket", "logs", "--yes");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).contains("Removing bucketsweep-whole-bucket.");
        assertThat(lifecycle.stored()).contains("their-rule").doesNotContain("bucketsweep-");

        lifecycle = new LifecycleStandIn(lifecycle.stored().replace("their-rule", "bucketsweep-tmp/"));
        proxy.setPolicy(lifecycle);
        Run last = cli("", "lifecycle", "remove", "--bucket", "logs", "--yes");
        assertThat(last.err).contains("DeleteBucketLifecycle");
        assertThat(lifecycle.stored()).isNull();
        assertThat(cli("", "lifecycle", "list", "--bucket", "logs").out).isEmpty();
    }

    @Test
    void keepNewestWithoutNoncurrentDaysIsAUsageError() {
        Run run = cli("", "lifecycle", "add", "--bucket", "logs", "--keep-newest", "2");

        assertThat(run.exitCode).isEqualTo(Cli.ERROR);
        assertThat(run.err).contains("NewerNoncurrentVersions", "NoncurrentDays");
    }

    @Test
    void aServerWithoutLifecycleSupportGetsAClearMessage() {
        Run run = cliAt(server.getUri().toString(), "", "lifecycle", "list", "--bucket", "logs");

        assertThat(run.exitCode).isEqualTo(Cli.ERROR);
        assertThat(run.err).contains("Error: NotImplemented: This server does not support lifecycle rules",
                "Hint: Delete with BucketSweep instead").doesNotContain("\tat ");
    }

    private Run cli(String stdin, String... args) {
        return cliAt(proxy.uri().toString(), stdin, args);
    }

    private Run cliAt(String endpoint, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", endpoint, "--path-style"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(out, new PrintStream(err, true, UTF_8),
                new ByteArrayInputStream(stdin.getBytes(UTF_8)), ENV, () -> null, Interrupts.none(),
                Duration.ofSeconds(3));
        int code = Cli.run(all.toArray(String[]::new), context);
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
