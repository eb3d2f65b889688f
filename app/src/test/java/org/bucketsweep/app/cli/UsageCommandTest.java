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
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code bucketsweep usage}, run in-process against S3Proxy. */
class UsageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of(
            "AWS_ACCESS_KEY_ID", TestBuckets.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", TestBuckets.SECRET_KEY);

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private S3Client s3;

    @BeforeEach
    void seed() {
        connection = server.connection();
        s3 = connection.client();
        TestBuckets buckets = new TestBuckets(s3);
        buckets.versionedBucket("space");
        buckets.put("space", "logs/&<>.txt", "12345");
        buckets.put("space", "logs/&<>.txt", "123");
        buckets.put("space", "backups/ü/é.bin", "x".repeat(100));
        buckets.put("space", "backups/ü/é.bin", "x".repeat(10));
        buckets.put("space", "backups/db", "y".repeat(50));
        buckets.addDeleteMarker("space", "backups/db");
        buckets.put("space", "top.txt", "t");
        buckets.startUpload("space", "logs/big", 64);
    }

    @Test
    void printsOneLinePerFolderMostNoncurrentBytesFirstThenTheTotal() {
        Run run = cli("usage", "--bucket", "space");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).isEmpty();
        List<JsonNode> rows = run.lines();
        assertThat(rows).extracting(r -> r.get("folder").asText()).containsExactly("backups/", "logs/", "", "");
        assertThat(rows).extracting(r -> r.get("total").asBoolean()).containsExactly(false, false, false, true);
        JsonNode backups = rows.get(0);
        assertThat(fieldNames(backups)).containsExactly("folder", "currentObjects", "currentBytes",
                "noncurrentVersions", "noncurrentBytes", "deleteMarkers", "expiredMarkers", "uploads", "uploadBytes",
                "oldestNoncurrent", "total");
        assertThat(numbers(backups)).containsExactly(1L, 10L, 2L, 150L, 1L, 0L, 0L, 0L);
        assertThat(backups.get("oldestNoncurrent").asText()).endsWith("Z");
        assertThat(numbers(rows.get(1))).containsExactly(1L, 3L, 1L, 5L, 0L, 0L, 1L, 64L);
        assertThat(numbers(rows.get(2))).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(rows.get(2).get("oldestNoncurrent").isNull()).isTrue();
        assertThat(numbers(rows.get(3))).containsExactly(3L, 14L, 3L, 155L, 1L, 0L, 1L, 64L);
        // Raw UTF-8 in the output, not escapes.
        assertThat(cli("usage", "--bucket", "space", "--prefix", "backups/", "--depth", "2").out)
                .contains("\"folder\":\"backups/ü/\"");
    }

    @Test
    void aMissingBucketOrABadDepthIsAClearError() {
        Run missing = cli("usage", "--bucket", "nope");
        Run depth = cli("usage", "--bucket", "space", "--depth", "0");

        assertThat(missing.exitCode).isEqualTo(Cli.ERROR);
        assertThat(missing.err).isEqualTo("Error: The bucket nope does not exist (any more).\n");
        assertThat(missing.out).isEmpty();
        assertThat(depth.exitCode).isEqualTo(Cli.ERROR);
        assertThat(depth.err).contains("--depth must be 1 or more, not 0.");
    }

    /** currentObjects, currentBytes, noncurrentVersions, noncurrentBytes, markers, expired, uploads, uploadBytes. */
    private static List<Long> numbers(JsonNode row) {
        return List.of("currentObjects", "currentBytes", "noncurrentVersions", "noncurrentBytes", "deleteMarkers",
                "expiredMarkers", "uploads", "uploadBytes").stream().map(f -> row.get(f).asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", server.getUri().toString(), "--path-style"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(out, new PrintStream(err, true, UTF_8),
                new ByteArrayInputStream(new byte[0]), ENV, () -> null, Interrupts.none(), Duration.ofSeconds(3));
        int exitCode = Cli.run(all.toArray(String[]::new), context);
        return new Run(exitCode, out.toString(UTF_8), err.toString(UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
