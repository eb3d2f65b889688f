package org.bucketsweep.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code list-uploads} and {@code abort-uploads} against S3Proxy; the server is read afterwards. */
class UploadsCliTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    @TempDir
    Path home;

    private S3Connection connection;
    private S3Client s3;

    @BeforeEach
    void connect() {
        connection = server.connection();
        s3 = connection.client();
        new TestBuckets(s3).versionedBucket("bkt");
    }

    @Test
    void listUploadsPrintsEachUploadWithItsPartsBytes() {
        String odd = start("logs/é &<>.gz", 700, 300);
        start("other/x.bin", 5);

        CliRun run = cli("list-uploads", "--bucket", "bkt", "--prefix", "logs/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).singleElement().satisfies(line -> {
            assertThat(line.get("key").asText()).isEqualTo("logs/é &<>.gz");
            assertThat(line.get("uploadId").asText()).isEqualTo(odd);
            assertThat(line.get("parts").asInt()).isEqualTo(2);
            assertThat(line.get("bytes").asLong()).isEqualTo(1000);
            assertThat(line.get("initiated").asText()).endsWith("Z");
        });
    }

    @Test
    void dryRunShowsThePlanAndAbortsNothing() {
        start("a.bin", 10);
        start("b.bin", 20);

        CliRun run = cli("abort-uploads", "--bucket", "bkt", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Would abort 2 uploads holding 30 bytes");
        assertThat(run.lines()).extracting(l -> l.get("key").asText()).containsExactly("a.bin", "b.bin");
        assertThat(remaining()).hasSize(2);
    }

    @Test
    void abortsTheUploadsUnderThePrefixWithOneResultLineEach() {
        String one = start("tmp/one.bin", 4);
        String dir = start("tmp/dir/", 6);
        String keep = start("keep.bin", 8);

        CliRun run = cli("abort-uploads", "--bucket", "bkt", "--prefix", "tmp/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).extracting(l -> l.get("uploadId").asText() + " " + l.get("outcome").asText())
                .containsExactlyInAnyOrder(one + " ABORTED", dir + " ABORTED");
        assertThat(run.err()).contains("Aborting 2 uploads holding 10 bytes").contains("Done: 2 aborted.");
        assertThat(remaining()).extracting(MultipartUpload::uploadId).containsExactly(keep);
    }

    @Test
    void anAgeLimitKeepsRecentUploads() {
        start("fresh.bin", 1);

        CliRun run = cli("abort-uploads", "--bucket", "bkt", "--older-than-days", "7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("1 upload, 0 started before").contains("Nothing to abort.");
        assertThat(run.lines()).isEmpty();
        assertThat(remaining()).hasSize(1);
    }

    @Test
    void bothAgeOptionsAreAUsageErrorBeforeAnyRequest() {
        start("x.bin", 1);

        CliRun run = cli("abort-uploads", "--bucket", "bkt", "--older-than-days", "7", "--older-than", "2026-01-01");

        assertThat(run.exitCode()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("not both");
        assertThat(remaining()).hasSize(1);
    }

    @Test
    void aBucketThatDoesNotExistIsAClearError() {
        CliRun run = cli("abort-uploads", "--bucket", "gone");

        assertThat(run.exitCode()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("NoSuchBucket");
    }

    private CliRun cli(String... args) {
        return CliRun.against(server.getUri(), home, args);
    }

    private List<MultipartUpload> remaining() {
        return new MultipartUploads(connection).listAll("bkt", "", new CancellationToken());
    }

    private String start(String key, int... partSizes) {
        return new TestBuckets(s3).startUpload("bkt", key, partSizes);
    }
}
