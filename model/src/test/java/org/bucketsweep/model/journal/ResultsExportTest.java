package org.bucketsweep.model.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsExportTest {

    private static final List<ItemResult> RESULTS = List.of(
            new ItemResult(new VersionRef("plain.txt", "v1"), DeleteOutcome.DELETED, null, null, null, "R1", 1),
            new ItemResult(VersionRef.current("a,b \"quoted\"\nline ü/é"), DeleteOutcome.DELETE_MARKER_CREATED,
                    "m1", null, null, "R2", 2),
            ItemResult.failed(new VersionRef("=cmd|' /C calc'!A0", "v3"), "AccessDenied",
                    "@SUM(1+1), \"denied\"", null, 6),
            ItemResult.failed(VersionRef.current("-1+2"), "InternalError", "+\tplus", "R4", 3),
            ItemResult.notAttempted(VersionRef.current("\tlater"), "The job was cancelled."));

    @TempDir
    Path dir;

    @Test
    void csvIsRfc4180WithFormulasDefused() throws IOException {
        Path file = dir.resolve("results.csv");

        ResultsExport.writeCsv(file, RESULTS);

        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(""
                + "key,versionId,outcome,deleteMarkerVersionId,errorCode,errorMessage,requestId,attempts\r\n"
                + "plain.txt,v1,DELETED,,,,R1,1\r\n"
                + "\"a,b \"\"quoted\"\"\nline ü/é\",,DELETE_MARKER_CREATED,m1,,,R2,2\r\n"
                + "'=cmd|' /C calc'!A0,v3,FAILED,,AccessDenied,\"'@SUM(1+1), \"\"denied\"\"\",,6\r\n"
                + "'-1+2,,FAILED,,InternalError,'+\tplus,R4,3\r\n"
                + "'\tlater,,NOT_ATTEMPTED,,,The job was cancelled.,,0\r\n");
        assertThat(Files.readAllBytes(file)).startsWith("key,".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasTheExactValuesAndLeavesNullsOut() throws IOException {
        Path file = dir.resolve("results.json");

        ResultsExport.writeJson(file, RESULTS);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(5);
        assertThat(json.get(0).toString()).isEqualTo(
                "{\"key\":\"plain.txt\",\"versionId\":\"v1\",\"outcome\":\"DELETED\",\"requestId\":\"R1\",\"attempts\":1}");
        assertThat(json.get(1).get("key").asText()).isEqualTo("a,b \"quoted\"\nline ü/é");
        assertThat(json.get(1).has("versionId")).isFalse();
        assertThat(json.get(1).get("deleteMarkerVersionId").asText()).isEqualTo("m1");
        // No apostrophes here: JSON is not run as formulas, and scripts need the exact key.
        assertThat(json.get(2).get("key").asText()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(json.get(2).get("errorMessage").asText()).isEqualTo("@SUM(1+1), \"denied\"");
        assertThat(json.get(2).has("requestId")).isFalse();
        assertThat(json.get(4).get("attempts").asInt()).isZero();
        List<String> fields = new java.util.ArrayList<>();
        json.get(3).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("key", "outcome", "errorCode", "errorMessage", "requestId", "attempts");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("ü/é");
    }

    @Test
    void anExistingExportIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "old contents that are longer than the new ones ".repeat(100));

        ResultsExport.writeCsv(file, RESULTS.subList(0, 1));

        assertThat(Files.readString(file)).isEqualTo(
                "key,versionId,outcome,deleteMarkerVersionId,errorCode,errorMessage,requestId,attempts\r\n"
                        + "plain.txt,v1,DELETED,,,,R1,1\r\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anUnwritableTargetFailsLoudly() {
        Path missingDir = dir.resolve("missing").resolve("results.json");

        assertThatThrownBy(() -> ResultsExport.writeJson(missingDir, RESULTS))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("results.json");
    }
}
