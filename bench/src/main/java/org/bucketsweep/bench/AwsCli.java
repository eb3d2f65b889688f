package org.bucketsweep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bucketsweep.bench.DeleteRunTypes.Run;
import org.bucketsweep.bench.DeleteRunTypes.Stopwatch;
import org.bucketsweep.model.delete.VersionRef;

/**
 * The aws CLI as the delete benches run it: against one bench server only, with the bench's keys and nothing from
 * ~/.aws or the environment's proxies.
 */
final class AwsCli {

    /** aws s3 rm's default for s3.max_concurrent_requests. */
    static final int RM_CONCURRENCY = 10;

    private final String command;
    private final String version;
    private final Path work;
    private final URI endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final ObjectMapper json = new ObjectMapper();

    private AwsCli(String command, String version, Path work, URI endpoint, String region, String accessKey,
                   String secretKey) {
        this.command = command;
        this.version = version;
        this.work = work;
        this.endpoint = endpoint;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** The CLI named ({@code auto}: /usr/bin/aws, else aws on the PATH), or empty when none runs. */
    static Optional<AwsCli> find(String configured, Path work, URI endpoint, String region, String accessKey,
                                 String secretKey) throws InterruptedException {
        List<String> candidates = "auto".equals(configured) ? List.of("/usr/bin/aws", "aws") : List.of(configured);
        for (String candidate : candidates) {
            if (candidate.startsWith("/") && !Files.isExecutable(Paths.get(candidate))) {
                continue;
            }
            try {
                AwsCli cli = new AwsCli(candidate, null, work, endpoint, region, accessKey, secretKey);
                Path out = work.resolve("aws-version.txt");
                if (cli.run(out, out, "--version") == 0) {
                    String version = Files.readString(out).strip();
                    System.out.println("aws CLI: " + candidate + " (" + version + ")");
                    return Optional.of(new AwsCli(candidate, version, work, endpoint, region, accessKey, secretKey));
                }
            } catch (IOException e) {
                // try the next one
            }
        }
        System.out.println("No aws CLI found (apt-get install -y awscli): the CLI variants are skipped.");
        return Optional.empty();
    }

    String version() {
        return version;
    }

    /** aws s3api delete-objects, one 1000-key batch after another; each batch's JSON is written beforehand. */
    Run deleteObjects(String bucket, List<VersionRef> refs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, bucket + "-");
        List<List<VersionRef>> batches = DeleteLoops.partition(refs, DeleteLoops.BATCH);
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            ObjectNode delete = json.createObjectNode();
            ArrayNode objects = delete.putArray("Objects");
            for (VersionRef ref : batches.get(i)) {
                ObjectNode o = objects.addObject().put("Key", ref.key());
                if (ref.hasVersion()) {
                    o.put("VersionId", ref.versionId());
                }
            }
            delete.put("Quiet", false);
            Path input = dir.resolve(String.format(Locale.ROOT, "batch-%04d.json", i));
            json.writeValue(input.toFile(), delete);
            inputs.add(input);
        }
        int[] exitCodes = new int[inputs.size()];
        Stopwatch sw = Stopwatch.start();
        for (int i = 0; i < inputs.size(); i++) {
            exitCodes[i] = run(dir.resolve("out-" + i + ".json"), dir.resolve("err-" + i + ".txt"),
                    "s3api", "delete-objects", "--bucket", bucket, "--delete",
                    "file://" + inputs.get(i).toAbsolutePath(), "--endpoint-url", endpoint.toString(),
                    "--output", "json");
        }
        sw.stop();
        int deleted = 0;
        int errors = 0;
        int failedCalls = 0;
        String firstFailure = null;
        for (int i = 0; i < inputs.size(); i++) {
            if (exitCodes[i] != 0) {
                failedCalls++;
                if (firstFailure == null) {
                    firstFailure = "exit " + exitCodes[i] + ": "
                            + Files.readString(dir.resolve("err-" + i + ".txt")).strip();
                }
                continue;
            }
            JsonNode out = json.readTree(dir.resolve("out-" + i + ".json").toFile());
            deleted += out.path("Deleted").size();
            errors += out.path("Errors").size();
        }
        String outcomes = "[deleted=" + deleted + (errors > 0 ? " errors=" + errors : "")
                + (failedCalls > 0 ? " failedCalls=" + failedCalls : "") + "] calls=" + inputs.size();
        if (deleted != refs.size() || errors > 0 || failedCalls > 0) {
            return Run.failed("outcomes do not add up: " + deleted + " deleted of " + refs.size()
                    + (firstFailure == null ? "" : "; " + firstFailure), outcomes);
        }
        return Run.ok(sw, refs.size(), outcomes);
    }

    /**
     * aws s3 rm --recursive: it lists, then deletes current objects one request each (on a versioned bucket each
     * gets a delete marker).
     */
    Run rm(String bucket, int objects) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, bucket + "-");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Stopwatch sw = Stopwatch.start();
        int exit = run(out, err, "s3", "rm", "s3://" + bucket + "/", "--recursive",
                "--endpoint-url", endpoint.toString());
        sw.stop();
        long deleted;
        long failed;
        try (Stream<String> lines = Files.lines(out)) {
            Map<Boolean, Long> byKind = lines.filter(l -> l.startsWith("delete"))
                    .collect(Collectors.partitioningBy(l -> l.startsWith("delete: "), Collectors.counting()));
            deleted = byKind.get(true);
            failed = byKind.get(false);
        }
        String outcomes = "[deleted=" + deleted + (failed > 0 ? " failed=" + failed : "") + "] exit=" + exit;
        if (exit != 0 || deleted != objects || failed > 0) {
            String stderr = Files.readString(err).strip();
            return Run.failed("outcomes do not add up: " + deleted + " deleted of " + objects
                    + (stderr.isEmpty() ? "" : "; " + stderr.lines().findFirst().orElse("")), outcomes);
        }
        return Run.ok(sw, objects, outcomes);
    }

    private int run(Path stdout, Path stderr, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equalsIgnoreCase("http_proxy")
                || k.equalsIgnoreCase("https_proxy") || k.equalsIgnoreCase("all_proxy"));
        Path config = work.resolve("aws-config");
        if (!Files.exists(config)) {
            Files.writeString(config, "[default]\nregion = " + region + "\noutput = json\n"
                    + "s3 =\n    addressing_style = path\n");
            Files.writeString(work.resolve("aws-credentials"), "");
        }
        String host = endpoint.getHost();
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_REGION", region);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("NO_PROXY", host + ",localhost");
        env.put("no_proxy", host + ",localhost");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("aws " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return p.exitValue();
    }
}
