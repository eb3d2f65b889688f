package org.bucketsweep.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code delete --intent rollback --as-of}: the prefix as it was, read back from the server. */
class RollBackCliTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    @TempDir
    Path home;

    private S3Connection connection;
    private TestBuckets buckets;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        buckets.versionedBucket("site");
    }

    @Test
    void rollsThePrefixBackToTheDate() throws InterruptedException {
        String good = buckets.put("site", "www/index.html", "good");
        // The next whole second: servers keep whole seconds, so everything after the sleep is later than it.
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, asOf.toEpochMilli() - System.currentTimeMillis()) + 1_100);
        buckets.put("site", "www/index.html", "broken");
        buckets.put("site", "www/debug.log", "created after");

        CliRun run = CliRun.against(server.getUri(), home, "delete", "--bucket", "site", "--intent", "rollback",
                "--prefix", "www/", "--as-of", asOf.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("roll back").contains("1 key was created after that date");
        assertThat(run.lines()).hasSize(2);
        assertThat(buckets.versionsOf("site", "www/index.html")).containsExactly(good);
        assertThat(buckets.currentKeys("site")).containsExactly("www/index.html");
    }

    @Test
    void rollbackWithoutADateIsAUsageError() {
        CliRun run = CliRun.against(server.getUri(), home, "delete", "--bucket", "site", "--intent", "rollback",
                "--prefix", "www/");

        assertThat(run.exitCode()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("--intent rollback needs --as-of DATE.");
    }
}
