package org.bucketsweep.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bucketsweep.model.testing.TestBuckets;

/**
 * One in-process run of the command line against a test server, with the test keys in the environment and the
 * journals in a test folder: what the newer command tests share.
 */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code args} with {@code --endpoint server --path-style} appended. */
    static CliRun against(URI server, Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", server.toString(), "--path-style"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", TestBuckets.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestBuckets.SECRET_KEY, "BUCKETSWEEP_HOME", home.toString());
        CliContext context = new CliContext(out, new PrintStream(err, true, UTF_8),
                new ByteArrayInputStream(new byte[0]), env, () -> null, Interrupts.none(), Duration.ofSeconds(3));
        int exitCode = Cli.run(all.toArray(String[]::new), context);
        return new CliRun(exitCode, out.toString(UTF_8), err.toString(UTF_8));
    }

    /** Standard output, one JSON object per line. */
    List<JsonNode> lines() {
        return out.lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("Not a JSON line: " + line, e);
            }
        }).toList();
    }
}
