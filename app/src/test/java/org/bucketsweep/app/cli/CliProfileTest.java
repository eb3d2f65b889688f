package org.bucketsweep.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.AwsConfigFiles;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.StsStandIn;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --profile} with the files the run's environment names: endpoint, keys and a role's MFA code. */
class CliProfileTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extensionTakingSessionTokens();

    @TempDir
    Path tmp;

    @BeforeEach
    void aVersion() {
        try (S3Connection seed = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            TestBuckets buckets = new TestBuckets(seed.client());
            buckets.versionedBucket("bucket");
            buckets.put("bucket", "k.txt", "x");
        }
    }

    @Test
    void aProfileFromTheNamedFilesGivesEndpointAndKeys() throws IOException {
        Map<String, String> env = env(AwsConfigFiles.write(tmp, """
                [profile lab]
                endpoint_url = %s
                s3 =
                  addressing_style = path
                """.formatted(server.getUri()), """
                [lab]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY)));

        String[] run = run(env, () -> null, "list-versions", "--bucket", "bucket", "--profile", "lab");

        assertThat(run[0]).as(run[1]).contains("\"key\":\"k.txt\"");
        assertThat(run(env, () -> null, "list-versions", "--bucket", "bucket", "--profile", "nope")[1])
                .contains("There is no profile 'nope'");
    }

    @Test
    void aRoleWithMfaAsksForTheCodeOnTheTerminal() throws IOException {
        try (StsStandIn sts = StsStandIn.start(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY, "token")) {
            Map<String, String> env = env(AwsConfigFiles.roleWithMfa(tmp, server.getUri(), sts.uri()));
            List<String> prompts = new ArrayList<>();
            MfaConsole console = prompt -> {
                prompts.add(prompt);
                return "246810".toCharArray();
            };

            String[] run = run(env, () -> console, "list-versions", "--bucket", "bucket", "--profile", "dev");

            assertThat(run[0]).as(run[1]).contains("\"key\":\"k.txt\"");
            assertThat(prompts).singleElement().asString().contains(AwsConfigFiles.MFA_SERIAL).contains("dev");
            assertThat(sts.requests()).singleElement()
                    .satisfies(form -> assertThat(form).containsEntry("TokenCode", "246810"));
            assertThat(run[1]).doesNotContain("246810");
        }
    }

    /** The run's environment: the AWS files, and a home of its own for the journal. */
    private Map<String, String> env(AwsConfigFiles files) {
        Map<String, String> env = new HashMap<>(files.env());
        env.put("BUCKETSWEEP_HOME", tmp.resolve("home").toString());
        return env;
    }

    /** Runs the CLI in-process; returns standard output and standard error. */
    private static String[] run(Map<String, String> env, Supplier<MfaConsole> console,
                                String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(out, new PrintStream(err, true, UTF_8),
                new ByteArrayInputStream(new byte[0]), env, console, Interrupts.none(), Duration.ofSeconds(3));
        Cli.run(args, context);
        return new String[] {out.toString(UTF_8), err.toString(UTF_8)};
    }
}
