package org.bucketsweep.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code delete-bucket} against S3Proxy: the bucket is read (or found gone) afterwards. */
class DeleteBucketCliTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    @TempDir
    Path home;

    private S3Connection connection;
    private S3Client s3;
    private TestBuckets buckets;

    @BeforeEach
    void connect() {
        connection = server.connection();
        s3 = connection.client();
        buckets = new TestBuckets(s3);
        buckets.versionedBucket("scratch");
        buckets.put("scratch", "build/app-1.0.zip", "one");
        buckets.put("scratch", "build/app-1.0.zip", "two");
        buckets.put("scratch", "cache/é &<>.json", "x");
        buckets.addDeleteMarker("scratch", "cache/é &<>.json");
        buckets.startUpload("scratch", "build/app-2.0.zip", 100);
    }

    @Test
    void emptiesEveryVersionMarkerAndUploadThenDeletesTheBucket() {
        CliRun run = cli("delete-bucket", "--bucket", "scratch", "--confirm", "scratch");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(4).allSatisfy(l -> assertThat(l.get("outcome").asText())
                .isIn("DELETED", "DELETE_MARKER_REMOVED"));
        assertThat(run.err()).contains("1 incomplete upload holding 100 bytes to abort")
                .contains("Aborted 1 incomplete upload.").contains("Deleted bucket scratch.");
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("scratch"));
    }

    @Test
    void dryRunShowsThePlanAndLeavesEverything() {
        CliRun run = cli("delete-bucket", "--bucket", "scratch", "--confirm", "scratch", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("3 versions will be permanently deleted")
                .contains("1 incomplete upload holding 100 bytes to abort").contains("would be deleted");
        assertThat(buckets.versionsOf("scratch", "build/app-1.0.zip")).hasSize(2);
        assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals("scratch"));
    }

    @Test
    void aConfirmationThatDoesNotMatchDeletesNothing() {
        CliRun run = cli("delete-bucket", "--bucket", "scratch", "--confirm", "scratc");

        assertThat(run.exitCode()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("--confirm must repeat the bucket's name");
        assertThat(buckets.versionsOf("scratch", "build/app-1.0.zip")).hasSize(2);
    }

    @Test
    void aBucketThatDoesNotExistIsAClearError() {
        CliRun run = cli("delete-bucket", "--bucket", "nope-gone", "--confirm", "nope-gone");

        assertThat(run.exitCode()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("NoSuchBucket");
    }

    private CliRun cli(String... args) {
        return CliRun.against(server.getUri(), home, args);
    }
}
