package org.bucketsweep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteListener;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Delete throughput: BucketSweep's engine ({@link BatchDeleter}) against a plain AWS SDK v2 loop of DeleteObjects
 * (the ceiling) and the aws CLI, on Robothy local-s3 running in memory in this JVM on 127.0.0.1.
 *
 * <p>Every run re-seeds a fresh bucket with the same data, then times only the deletes, then checks with
 * ListObjectVersions that the bucket is really empty. A run that left anything behind, or whose outcomes do not add
 * up, is an error and gives no number. Each variant runs {@code --runs} times (interleaved: round 1 of every variant,
 * then round 2, ...) and the table shows the median. The engine and the SDK at the same concurrency run as a pair:
 * both buckets are seeded, then deleted back to back (the SDK first in even rounds), and each run also records the
 * CPU time it took, which other programs on a shared machine do not inflate.
 *
 * <p>Arguments ({@code --name=value}): {@code versions} (engine and SDK, default 50000), {@code cli-versions} (aws CLI
 * variants, default 10000), {@code runs} (3), {@code concurrency} (1,2,4,8), {@code variants}
 * (engine,sdk,cli-delete-objects,cli-rm), {@code aws} (path of the aws CLI, or auto: /usr/bin/aws, else aws on the
 * PATH), {@code warmup} (true). With {@code quick=true} the defaults shrink to 10,000 versions, one run,
 * concurrency 4, engine and SDK only, no warm-up.
 *
 * <p>Exits 0 when every run was correct, 1 when a run was wrong (left items behind, failed items), 2 on bad
 * arguments ({@link BenchMain}). It never fails on a time.
 */
public final class DeleteThroughput {

    private static final String HOST = LocalS3Server.HOST;
    private static final String REGION = LocalS3Server.REGION;
    private static final String ACCESS_KEY_ID = LocalS3Server.ACCESS_KEY_ID;
    private static final String SECRET_ACCESS_KEY = LocalS3Server.SECRET_ACCESS_KEY;
    private static final int BATCH = DeleteJob.MAX_BATCH;
    private static final int VERSIONS_PER_KEY = 2;
    /** aws s3 rm's default for s3.max_concurrent_requests. */
    private static final int CLI_RM_CONCURRENCY = 10;
    /** The arguments, as {@code --name=value}; see the class comment. */
    static final Set<String> ARGS = Set.of("versions", "cli-versions", "runs", "concurrency", "variants", "aws",
            "warmup");

    enum Kind {
        ENGINE("BucketSweep engine (BatchDeleter)"),
        SDK("SDK v2 DeleteObjects loop (ceiling)"),
        CLI_DELETE_OBJECTS("aws s3api delete-objects, one batch after another"),
        CLI_RM("aws s3 rm --recursive (unversioned bucket: current objects only)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Variant(Kind kind, int concurrency, int items) {
        String id() {
            return switch (kind) {
                case ENGINE -> "engine c=" + concurrency;
                case SDK -> "sdk c=" + concurrency;
                case CLI_DELETE_OBJECTS -> "cli delete-objects";
                case CLI_RM -> "cli s3 rm";
            };
        }
    }

    /** One timed run: wall time and CPU time, or an error. */
    record Run(double seconds, double cpuSeconds, int items, String error, String outcomes) {
        static Run ok(Stopwatch sw, int items, String outcomes) {
            return new Run(sw.wallNanos / 1e9, sw.cpuNanos / 1e9, items, null, outcomes);
        }

        static Run failed(String error, String outcomes) {
            return new Run(Double.NaN, Double.NaN, 0, error, outcomes);
        }

        boolean isOk() {
            return error == null;
        }

        double keysPerSecond() {
            return items / seconds;
        }

        /** CPU milliseconds (this JVM, client and server, plus the aws CLI processes) per 1000 keys. */
        double cpuMsPerThousand() {
            return cpuSeconds * 1e6 / items;
        }
    }

    /**
     * Wall time and CPU time of the timed part of a run. CPU is this JVM's (the client and the in-process server) plus
     * that of the child processes it waited for (the aws CLI), from /proc/self/stat. On a shared machine the wall
     * time also counts the time other programs held the CPU; the CPU time does not.
     */
    static final class Stopwatch {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long wall0 = System.nanoTime();
        private final long cpu0 = cpuNow();
        long wallNanos;
        long cpuNanos;

        static Stopwatch start() {
            return new Stopwatch();
        }

        Stopwatch stop() {
            wallNanos = System.nanoTime() - wall0;
            cpuNanos = cpuNow() - cpu0;
            return this;
        }

        private static long cpuNow() {
            long children = 0;
            try {
                String stat = Files.readString(Paths.get("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // Fields 16 and 17 of proc(5): cutime and cstime, in clock ticks (100 per second on Linux).
                children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                // not Linux: this JVM's CPU only
            }
            return OS.getProcessCpuTime() + children;
        }
    }

    record Config(int versions, int cliVersions, int runs, List<Integer> concurrency, List<String> variants,
                  String aws, boolean warmup) {

        static Config of(BenchArgs args) {
            boolean quick = args.flag("quick", false);
            Config c = new Config(
                    args.positiveInt("versions", quick ? 10_000 : 50_000),
                    args.positiveInt("cli-versions", 10_000),
                    args.positiveInt("runs", quick ? 1 : 3),
                    args.list("concurrency", quick ? "4" : "1,2,4,8").stream().map(Integer::valueOf).toList(),
                    args.list("variants", quick ? "engine,sdk" : "engine,sdk,cli-delete-objects,cli-rm"),
                    args.string("aws", "auto"),
                    args.flag("warmup", !quick));
            if (c.concurrency.isEmpty() || c.concurrency.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("at least one concurrency, each at least 1");
            }
            for (String v : c.variants) {
                if (!List.of("engine", "sdk", "cli-delete-objects", "cli-rm").contains(v)) {
                    throw new IllegalArgumentException("Unknown variant: " + v);
                }
            }
            return c;
        }
    }

    private final Config config;
    private final URI endpoint;
    private final SdkHttpClient seedHttp;
    private final S3Client seedClient;
    private final SdkHttpClient sdkHttp;
    private final S3Client sdkClient;
    private final S3Connection engineConnection;
    private final BucketSeeder seeder;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger bucketNumbers = new AtomicInteger();
    private final Path work;
    private String aws;
    private String awsVersion;
    /** How long the last seeding's PUTs took (without the listing that follows them). */
    private long lastPutNanos;

    // Apache5HttpClient, as in S3Connection: the ceiling uses the same HTTP client
    private DeleteThroughput(Config config, URI endpoint) throws IOException {
        this.config = config;
        this.endpoint = endpoint;
        this.work = Files.createTempDirectory("bucketsweep-bench-");
        seedHttp = Apache5HttpClient.builder().build();
        seedClient = S3Client.builder()
                .httpClient(seedHttp)
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(LocalS3Server.credentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        // The ceiling's client is built like S3Connection's: same HTTP client settings, MD5 plugin, checksums only
        // when required, same timeouts.
        sdkHttp = Apache5HttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        sdkClient = S3Client.builder()
                .httpClient(sdkHttp)
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(LocalS3Server.credentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(90))
                        .apiCallTimeout(Duration.ofMinutes(5)))
                .build();
        engineConnection = LocalS3Server.connectTo(endpoint);
        seeder = new BucketSeeder(endpoint, seedClient);
    }

    public static void main(String[] args) {
        BenchMain.run("delete", args, ARGS, DeleteThroughput::measure);
    }

    private static BenchResult measure(BenchArgs args) throws Exception {
        Config config = Config.of(args);
        long t0 = System.nanoTime();
        try (LocalS3Server server = LocalS3Server.start()) {
            DeleteThroughput bench = new DeleteThroughput(config, server.endpoint());
            try {
                return bench.run();
            } finally {
                bench.close();
                System.out.printf(Locale.ROOT, "%nDelete bench finished in %.1f min.%n",
                        (System.nanoTime() - t0) / 60e9);
            }
        }
    }

    private BenchResult run() throws Exception {
        System.out.printf(Locale.ROOT, "local-s3 (in memory) at %s; %,d versions for the engine and the SDK, %,d"
                        + " for the aws CLI; %d run(s) each; concurrency %s%n", endpoint, config.versions,
                config.cliVersions, config.runs, config.concurrency);
        List<Variant> variants = variants();
        if (variants.isEmpty()) {
            return BenchResult.failed("delete", "no variant to run");
        }
        if (config.warmup && variants.stream().anyMatch(v -> v.kind == Kind.ENGINE || v.kind == Kind.SDK)) {
            warmUp();
        }
        Map<Variant, List<Run>> runs = new LinkedHashMap<>();
        variants.forEach(v -> runs.put(v, new ArrayList<>()));
        for (int round = 1; round <= config.runs; round++) {
            List<Variant> order = roundOrder(variants, round);
            for (int i = 0; i < order.size(); i++) {
                Variant v = order.get(i);
                Variant next = i + 1 < order.size() ? order.get(i + 1) : null;
                if (next != null && isPair(v, next)) {
                    // Seed both buckets first, then delete back to back: the two timings then see about the same
                    // load from the rest of the machine.
                    Seeded a;
                    Seeded b;
                    try {
                        a = seedFor(v);
                        b = seedFor(next);
                    } catch (Exception e) {
                        record(runs, round, v, Run.failed("seeding failed: " + e, ""));
                        record(runs, round, next, Run.failed("seeding failed: " + e, ""));
                        i++;
                        continue;
                    }
                    record(runs, round, v, measure(v, a));
                    record(runs, round, next, measure(next, b));
                    i++;
                } else {
                    record(runs, round, v, runOnce(v));
                }
            }
        }
        boolean allOk = runs.values().stream().flatMap(List::stream).allMatch(Run::isOk);
        return new BenchResult("delete", report(runs), figures(runs), allOk);
    }

    private void record(Map<Variant, List<Run>> runs, int round, Variant v, Run r) {
        runs.get(v).add(r);
        if (r.isOk()) {
            System.out.printf(Locale.ROOT, "  [round %d/%d] %-20s %,7d deleted in %7.3f s = %,9.0f keys/s, CPU %.0f ms"
                            + "/1000 keys  %s (%s)%n", round, config.runs, v.id(), r.items, r.seconds,
                    r.keysPerSecond(), r.cpuMsPerThousand(), r.outcomes, memory());
        } else {
            System.out.printf(Locale.ROOT, "  [round %d/%d] %-20s ERROR: %s  %s (%s)%n", round, config.runs, v.id(),
                    r.error, r.outcomes, memory());
        }
    }

    /** The engine and the SDK at the same concurrency. */
    static boolean isPair(Variant a, Variant b) {
        return a.concurrency == b.concurrency && a.items == b.items
                && (a.kind == Kind.ENGINE && b.kind == Kind.SDK || a.kind == Kind.SDK && b.kind == Kind.ENGINE);
    }

    /**
     * The engine and the SDK at the same concurrency run one after the other; in even rounds the SDK goes first, so
     * that neither always runs in the other's wake.
     */
    static List<Variant> roundOrder(List<Variant> variants, int round) {
        List<Variant> order = new ArrayList<>(variants);
        if (round % 2 == 0) {
            for (int i = 0; i + 1 < order.size(); i++) {
                Variant a = order.get(i);
                Variant b = order.get(i + 1);
                if (a.kind == Kind.ENGINE && b.kind == Kind.SDK && a.concurrency == b.concurrency) {
                    order.set(i, b);
                    order.set(i + 1, a);
                    i++;
                }
            }
        }
        return order;
    }

    private List<Variant> variants() throws InterruptedException {
        List<Variant> list = new ArrayList<>();
        for (int c : config.concurrency) {
            if (config.variants.contains("engine")) {
                list.add(new Variant(Kind.ENGINE, c, config.versions));
            }
            if (config.variants.contains("sdk")) {
                list.add(new Variant(Kind.SDK, c, config.versions));
            }
        }
        boolean cli = config.variants.contains("cli-delete-objects") || config.variants.contains("cli-rm");
        if (cli && findAws()) {
            if (config.variants.contains("cli-delete-objects")) {
                list.add(new Variant(Kind.CLI_DELETE_OBJECTS, 1, config.cliVersions));
            }
            if (config.variants.contains("cli-rm")) {
                list.add(new Variant(Kind.CLI_RM, CLI_RM_CONCURRENCY, config.cliVersions));
            }
        }
        return list;
    }

    private void warmUp() {
        int n = config.versions;
        System.out.printf(Locale.ROOT, "Warm-up (not counted): engine and SDK, concurrency 1 and 4, %,d versions%n",
                n);
        for (Variant v : List.of(new Variant(Kind.ENGINE, 1, n), new Variant(Kind.SDK, 1, n),
                new Variant(Kind.ENGINE, 4, n), new Variant(Kind.SDK, 4, n))) {
            Run r = runOnce(v);
            if (!r.isOk()) {
                System.out.println("  warm-up " + v.id() + " went wrong: " + r.error);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- one run

    /** A freshly seeded bucket, for one variant's deletes. */
    record Seeded(String bucket, List<VersionRef> refs) {
    }

    private Run runOnce(Variant v) {
        Seeded seeded;
        try {
            seeded = seedFor(v);
        } catch (Exception e) {
            return Run.failed("seeding failed: " + e, "");
        }
        return measure(v, seeded);
    }

    private Seeded seedFor(Variant v) throws Exception {
        String bucket = "bench-" + bucketNumbers.incrementAndGet();
        boolean versioned = v.kind != Kind.CLI_RM;
        long s0 = System.nanoTime();
        List<VersionRef> refs = versioned ? seedVersioned(bucket, v.items) : seedUnversioned(bucket, v.items);
        long seedNanos = System.nanoTime() - s0;
        if (refs.size() != v.items) {
            throw new IllegalStateException("seeding gave " + refs.size() + " items instead of " + v.items);
        }
        System.out.printf(Locale.ROOT, "  seeded %s: %,d %s: PUTs %.1f s (%,.0f/s, %d connections), listing %.1f s%n",
                bucket, v.items, versioned ? "versions (" + VERSIONS_PER_KEY + " per key)" : "objects (unversioned)",
                lastPutNanos / 1e9, v.items / (lastPutNanos / 1e9), BucketSeeder.CONNECTIONS,
                (seedNanos - lastPutNanos) / 1e9);
        return new Seeded(bucket, refs);
    }

    /** Times the deletes, then checks that the bucket is empty and removes it. */
    private Run measure(Variant v, Seeded seeded) {
        String bucket = seeded.bucket;
        try {
            System.gc();
            Run run = switch (v.kind) {
                case ENGINE -> engine(bucket, seeded.refs, v.concurrency);
                case SDK -> sdk(bucket, seeded.refs, v.concurrency);
                case CLI_DELETE_OBJECTS -> cliDeleteObjects(bucket, seeded.refs);
                case CLI_RM -> cliRm(bucket, seeded.refs.size());
            };
            long left = countLeft(bucket);
            if (left > 0) {
                return Run.failed(left + " version(s) or marker(s) left in the bucket", run.outcomes);
            }
            seedClient.deleteBucket(b -> b.bucket(bucket));
            return run;
        } catch (Exception e) {
            return Run.failed(e.toString(), "");
        }
    }

    /** BucketSweep's engine, as the app runs it: verbose DeleteObjects, 1000 keys per request. */
    private Run engine(String bucket, List<VersionRef> refs, int concurrency) {
        DeleteJob job = new DeleteJob(bucket, refs, false,
                DeleteOptions.DEFAULTS.withBatchSize(BATCH).withConcurrency(concurrency));
        BatchDeleter deleter = new BatchDeleter(engineConnection);
        CountingListener listener = new CountingListener();
        Stopwatch sw = Stopwatch.start();
        DeleteSummary summary = deleter.run(job, MfaCodeSupplier.NONE, listener, new CancellationToken());
        sw.stop();
        Map<DeleteOutcome, Integer> counts = new EnumMap<>(DeleteOutcome.class);
        summary.counts().forEach((k, c) -> {
            if (c > 0) {
                counts.put(k, c);
            }
        });
        String outcomes = counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(" ", "[", "]")) + " requests=" + summary.requestsSent();
        int deleted = summary.count(DeleteOutcome.DELETED);
        if (deleted != refs.size() || summary.total() != refs.size() || listener.results.get() != refs.size()) {
            return Run.failed("outcomes do not add up: " + deleted + " deleted of " + refs.size()
                    + ", listener heard " + listener.results.get(), outcomes);
        }
        return Run.ok(sw, refs.size(), outcomes);
    }

    /** Counts results, as cheaply as a listener can. */
    private static final class CountingListener implements DeleteListener {
        final AtomicInteger results = new AtomicInteger();

        @Override
        public void onResults(List<ItemResult> r) {
            results.addAndGet(r.size());
        }
    }

    /** The ceiling: a fixed pool of {@code concurrency} threads, one DeleteObjects of 1000 keys per task. */
    private Run sdk(String bucket, List<VersionRef> refs, int concurrency) throws InterruptedException {
        List<List<VersionRef>> batches = partition(refs, BATCH);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            Stopwatch sw = Stopwatch.start();
            List<Future<int[]>> futures = new ArrayList<>(batches.size());
            for (List<VersionRef> batch : batches) {
                futures.add(pool.submit(() -> {
                    List<ObjectIdentifier> ids = new ArrayList<>(batch.size());
                    for (VersionRef ref : batch) {
                        ids.add(ObjectIdentifier.builder().key(ref.key()).versionId(ref.versionId()).build());
                    }
                    DeleteObjectsResponse r = sdkClient.deleteObjects(d -> d.bucket(bucket)
                            .delete(Delete.builder().objects(ids).quiet(false).build()));
                    return new int[] {r.deleted().size(), r.errors().size()};
                }));
            }
            int deleted = 0;
            int errors = 0;
            int failedRequests = 0;
            for (Future<int[]> f : futures) {
                try {
                    int[] r = f.get();
                    deleted += r[0];
                    errors += r[1];
                } catch (ExecutionException e) {
                    failedRequests++;
                }
            }
            sw.stop();
            String outcomes = "[deleted=" + deleted + (errors > 0 ? " errors=" + errors : "")
                    + (failedRequests > 0 ? " failedRequests=" + failedRequests : "") + "] requests="
                    + batches.size();
            if (deleted != refs.size() || errors > 0 || failedRequests > 0) {
                return Run.failed("outcomes do not add up: " + deleted + " deleted of " + refs.size(), outcomes);
            }
            return Run.ok(sw, refs.size(), outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** aws s3api delete-objects, one 1000-key batch after another; each batch's JSON is written beforehand. */
    private Run cliDeleteObjects(String bucket, List<VersionRef> refs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, bucket + "-");
        List<List<VersionRef>> batches = partition(refs, BATCH);
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            ObjectNode delete = json.createObjectNode();
            ArrayNode objects = delete.putArray("Objects");
            for (VersionRef ref : batches.get(i)) {
                objects.addObject().put("Key", ref.key()).put("VersionId", ref.versionId());
            }
            delete.put("Quiet", false);
            Path input = dir.resolve(String.format(Locale.ROOT, "batch-%04d.json", i));
            json.writeValue(input.toFile(), delete);
            inputs.add(input);
        }
        int[] exitCodes = new int[inputs.size()];
        Stopwatch sw = Stopwatch.start();
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            exitCodes[i] = aws(dir.resolve("out-" + i + ".json"), dir.resolve("err-" + i + ".txt"),
                    "s3api", "delete-objects", "--bucket", bucket, "--delete", "file://" + input.toAbsolutePath(),
                    "--endpoint-url", endpoint.toString(), "--output", "json");
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

    /** aws s3 rm --recursive on an unversioned bucket: it lists, then deletes current objects one request each. */
    private Run cliRm(String bucket, int objects) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, bucket + "-");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Stopwatch sw = Stopwatch.start();
        int exit = aws(out, err, "s3", "rm", "s3://" + bucket + "/", "--recursive",
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

    // --------------------------------------------------------------------------------------------------- aws CLI

    private boolean findAws() throws InterruptedException {
        List<String> candidates = "auto".equals(config.aws)
                ? List.of("/usr/bin/aws", "aws")
                : List.of(config.aws);
        for (String candidate : candidates) {
            if (candidate.startsWith("/") && !Files.isExecutable(Paths.get(candidate))) {
                continue;
            }
            try {
                Path out = work.resolve("aws-version.txt");
                aws = candidate;
                if (aws(out, out, "--version") == 0) {
                    awsVersion = Files.readString(out).strip();
                    System.out.println("aws CLI: " + candidate + " (" + awsVersion + ")");
                    return true;
                }
            } catch (IOException e) {
                // try the next one
            }
        }
        aws = null;
        System.out.println("No aws CLI found (apt-get install -y awscli): the CLI variants are skipped.");
        return false;
    }

    /** Runs the aws CLI against the local server only, with the bench's keys and nothing from ~/.aws. */
    private int aws(Path stdout, Path stderr, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(aws);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equalsIgnoreCase("http_proxy")
                || k.equalsIgnoreCase("https_proxy") || k.equalsIgnoreCase("all_proxy"));
        Path config = work.resolve("aws-config");
        if (!Files.exists(config)) {
            Files.writeString(config, "[default]\nregion = " + REGION + "\noutput = json\n"
                    + "s3 =\n    addressing_style = path\n");
            Files.writeString(work.resolve("aws-credentials"), "");
        }
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_REGION", REGION);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("NO_PROXY", HOST + ",localhost");
        env.put("no_proxy", HOST + ",localhost");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("aws " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return p.exitValue();
    }

    // ------------------------------------------------------------------------------------------------------ data

    /** Keys of {@code items} versions, {@value #VERSIONS_PER_KEY} per key (the last key has one if odd). */
    private List<VersionRef> seedVersioned(String bucket, int items) throws Exception {
        lastPutNanos = seeder.versioned(bucket, items, VERSIONS_PER_KEY, 0).nanos();
        // The deletes take the versions in the order S3 lists them, as the app does.
        List<VersionRef> refs = new ArrayList<>(items);
        seedClient.listObjectVersionsPaginator(l -> l.bucket(bucket)).forEach(page -> {
            if (!page.deleteMarkers().isEmpty()) {
                throw new IllegalStateException("seeding left delete markers");
            }
            for (ObjectVersion v : page.versions()) {
                if (v.versionId() == null || v.versionId().isEmpty() || "null".equals(v.versionId())) {
                    throw new IllegalStateException("a version without a version id: " + v.key());
                }
                refs.add(new VersionRef(v.key(), v.versionId()));
            }
        });
        return refs;
    }

    /** {@code items} objects, one each, in a bucket that never had versioning. */
    private List<VersionRef> seedUnversioned(String bucket, int items) throws Exception {
        lastPutNanos = seeder.unversioned(bucket, items).nanos();
        List<VersionRef> refs = new ArrayList<>(items);
        seedClient.listObjectsV2Paginator(l -> l.bucket(bucket))
                .contents().forEach(o -> refs.add(VersionRef.current(o.key())));
        return refs;
    }

    /** Versions plus delete markers still in the bucket. */
    private long countLeft(String bucket) {
        long[] left = {0};
        seedClient.listObjectVersionsPaginator(l -> l.bucket(bucket))
                .forEach(page -> left[0] += page.versions().size() + page.deleteMarkers().size());
        return left[0];
    }

    static <T> List<List<T>> partition(List<T> items, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            parts.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return parts;
    }

    // ---------------------------------------------------------------------------------------------------- report

    private String report(Map<Variant, List<Run>> runs) {
        Map<String, Double> median = new HashMap<>();
        Map<String, Double> cpu = new HashMap<>();
        runs.forEach((v, list) -> {
            if (list.stream().allMatch(Run::isOk)) {
                median.put(v.id(), median(list, Run::keysPerSecond));
                cpu.put(v.id(), median(list, Run::cpuMsPerThousand));
            }
        });
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append("  \n");
        md.append(String.format(Locale.ROOT, "Data: %,d versions (%d per key) for the engine and the SDK, %,d for the"
                        + " aws CLI; %d run(s) per variant, median shown; DeleteObjects of %d keys, verbose.%n%n",
                config.versions, VERSIONS_PER_KEY, config.cliVersions, config.runs, BATCH));
        md.append("| Variant | Concurrency | Items | Keys/s (median) | Ratio to SDK ceiling | Runs (keys/s) |"
                + " CPU ms / 1000 keys (median) |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (Map.Entry<Variant, List<Run>> e : runs.entrySet()) {
            Variant v = e.getKey();
            List<Run> list = e.getValue();
            Double m = median.get(v.id());
            String ceilingId = switch (v.kind) {
                case ENGINE, SDK -> "sdk c=" + v.concurrency;
                case CLI_DELETE_OBJECTS -> "sdk c=1";
                case CLI_RM -> "sdk c=" + config.concurrency.stream().max(Comparator.naturalOrder()).orElse(1);
            };
            Double ceiling = median.get(ceilingId);
            String ratio = m == null || ceiling == null ? "n/a"
                    : String.format(Locale.ROOT, m / ceiling < 0.1 ? "%.3f" : "%.2f", m / ceiling) + (v.kind == Kind.CLI_RM
                            ? " (vs " + ceilingId.substring(4) + ")" : "");
            String perRun = list.stream()
                    .map(r -> r.isOk() ? String.format(Locale.ROOT, "%,.0f", r.keysPerSecond()) : "ERROR")
                    .collect(Collectors.joining(" / "));
            String keysPerSecond = m != null ? String.format(Locale.ROOT, "**%,.0f**", m)
                    : "ERROR: " + list.stream().filter(r -> !r.isOk()).findFirst().map(Run::error).orElse("?")
                            .replace('|', '/');
            String concurrency = v.kind == Kind.CLI_RM ? v.concurrency + " (CLI default)"
                    : v.kind == Kind.CLI_DELETE_OBJECTS ? "1 (sequential)" : String.valueOf(v.concurrency);
            String cpuCell = cpu.containsKey(v.id()) ? String.format(Locale.ROOT, "%.1f", cpu.get(v.id())) : "n/a";
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s |%n", v.kind.label, concurrency,
                    v.items, keysPerSecond, ratio, perRun, cpuCell));
        }
        md.append('\n').append(verdict(runs, median, cpu));
        return md.toString();
    }

    /** For the summary table: median keys/s of each variant, the engine's and the SDK's by concurrency. */
    private List<BenchResult.Figure> figures(Map<Variant, List<Run>> runs) {
        Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
        Map<Kind, Integer> items = new EnumMap<>(Kind.class);
        runs.forEach((v, list) -> {
            String value = list.stream().allMatch(Run::isOk)
                    ? String.format(Locale.ROOT, "%,.0f", median(list, Run::keysPerSecond)) : "ERROR";
            String perConcurrency = v.kind == Kind.ENGINE || v.kind == Kind.SDK
                    ? "c=" + v.concurrency + ": " + value : value;
            byKind.computeIfAbsent(v.kind, k -> new ArrayList<>()).add(perConcurrency);
            items.put(v.kind, v.items);
        });
        List<BenchResult.Figure> figures = new ArrayList<>();
        byKind.forEach((kind, values) -> figures.add(new BenchResult.Figure("Delete throughput",
                String.format(Locale.ROOT, "%s, %,d items: keys/s (median of %d)", kind.label, items.get(kind),
                        config.runs), String.join("; ", values))));
        return figures;
    }

    private String verdict(Map<Variant, List<Run>> runs, Map<String, Double> median, Map<String, Double> cpu) {
        StringBuilder s = new StringBuilder();
        Variant best = null;
        for (Variant v : runs.keySet()) {
            if (v.kind == Kind.ENGINE && median.containsKey(v.id())
                    && (best == null || median.get(v.id()) > median.get(best.id()))) {
                best = v;
            }
        }
        if (best != null) {
            double top = median.get(best.id());
            List<String> close = new ArrayList<>();
            for (Variant v : runs.keySet()) {
                if (v.kind == Kind.ENGINE && v != best && median.containsKey(v.id())
                        && median.get(v.id()) >= 0.9 * top) {
                    close.add(String.format(Locale.ROOT, "c=%d (%,.0f)", v.concurrency, median.get(v.id())));
                }
            }
            s.append(String.format(Locale.ROOT, "- Engine's best throughput: concurrency %d, %,.0f keys/s%s.%n",
                    best.concurrency, top, close.isEmpty() ? ""
                            : "; within 10% of it: " + String.join(", ", close)));
        }
        List<String> below = new ArrayList<>();
        List<String> atOrAbove = new ArrayList<>();
        for (Variant v : runs.keySet()) {
            Double ceiling = median.get("sdk c=" + v.concurrency);
            if (v.kind != Kind.ENGINE || !median.containsKey(v.id()) || ceiling == null) {
                continue;
            }
            double ratio = median.get(v.id()) / ceiling;
            String item = String.format(Locale.ROOT, "c=%d (%.0f%%)", v.concurrency, 100 * ratio);
            (ratio >= 0.9 ? atOrAbove : below).add(item);
        }
        if (!atOrAbove.isEmpty() || !below.isEmpty()) {
            s.append("- Engine at >= 90% of the SDK ceiling at the same concurrency: ")
                    .append(atOrAbove.isEmpty() ? "none" : String.join(", ", atOrAbove))
                    .append("; below 90%: ").append(below.isEmpty() ? "none" : String.join(", ", below))
                    .append(".\n");
        }
        List<String> paired = new ArrayList<>();
        for (Variant v : runs.keySet()) {
            if (v.kind != Kind.ENGINE) {
                continue;
            }
            List<Run> engineRuns = runs.get(v);
            List<Run> sdkRuns = runs.entrySet().stream()
                    .filter(e -> e.getKey().kind == Kind.SDK && e.getKey().concurrency == v.concurrency)
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < Math.min(engineRuns.size(), sdkRuns.size()); r++) {
                if (engineRuns.get(r).isOk() && sdkRuns.get(r).isOk()) {
                    ratios.add(engineRuns.get(r).keysPerSecond() / sdkRuns.get(r).keysPerSecond());
                }
            }
            if (!ratios.isEmpty()) {
                double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double mid = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
                paired.add(String.format(Locale.ROOT, "c=%d %.2f (%s)", v.concurrency, mid, ratios.stream()
                        .map(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(" / "))));
            }
        }
        if (!paired.isEmpty()) {
            s.append("- Paired: engine against the SDK deleting back to back in the same round (median of the"
                    + " rounds' ratios, then each round's): ").append(String.join("; ", paired)).append(".\n");
        }
        List<String> cpuRatios = new ArrayList<>();
        for (Variant v : runs.keySet()) {
            Double engineCpu = cpu.get(v.id());
            Double sdkCpu = cpu.get("sdk c=" + v.concurrency);
            if (v.kind == Kind.ENGINE && engineCpu != null && sdkCpu != null) {
                cpuRatios.add(String.format(Locale.ROOT, "c=%d %+.0f%%", v.concurrency, 100 * (engineCpu / sdkCpu - 1)));
            }
        }
        if (!cpuRatios.isEmpty()) {
            s.append("- CPU per key, engine against the SDK at the same concurrency (client and server together; not"
                    + " inflated by other programs on the machine, unlike the wall time): ")
                    .append(String.join(", ", cpuRatios)).append(".\n");
        }
        if (runs.keySet().stream().anyMatch(v -> v.kind == Kind.CLI_RM)) {
            s.append("- `aws s3 rm --recursive` runs on an unversioned bucket and deletes current objects only (one"
                    + " DeleteObject per key, after listing; the listing is in its time); it cannot delete versions."
                    + " Its ratio is against the SDK ceiling at the highest measured concurrency.\n");
        }
        if (runs.keySet().stream().anyMatch(v -> v.kind == Kind.CLI_DELETE_OBJECTS || v.kind == Kind.CLI_RM)) {
            s.append(String.format(Locale.ROOT, "- aws CLI: %s; each call starts a new process (included in its"
                    + " time). The CLI variants use %,d items to keep the bench short.%n", awsVersion,
                    config.cliVersions));
        }
        return s.toString();
    }

    private static double median(List<Run> list, ToDoubleFunction<Run> metric) {
        return Stats.median(list.stream().map(metric::applyAsDouble).toList());
    }

    private static final String LOAD_AT_START = Machine.loadAverage();

    private static String machine() {
        String load = Machine.loadAverage();
        return String.format(Locale.ROOT, "%s; heap %d MB; AWS SDK %s; local-s3 2.4 in memory;%s %s",
                Machine.describe(), Runtime.getRuntime().maxMemory() / (1024 * 1024), VersionInfo.SDK_VERSION,
                load.isEmpty() ? "" : " load average " + LOAD_AT_START + " at the start, " + load + " at the end;",
                Machine.now());
    }

    private void close() {
        engineConnection.close();
        sdkClient.close();
        sdkHttp.close();
        seedClient.close();
        seedHttp.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind
        }
    }

    /**
     * Heap and direct memory in use after a run. local-s3 leaks a few KB of Netty direct memory per request; the bench
     * runs with {@code -Dio.netty.maxDirectMemory=0} so that those buffers are plain JDK ones that the garbage
     * collector frees (with Netty's own accounting, 1.3 million PUTs exhausted 4 GB of direct memory).
     */
    static String memory() {
        Runtime rt = Runtime.getRuntime();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return String.format(Locale.ROOT, "heap %d MB, direct %d MB", (rt.totalMemory() - rt.freeMemory()) >> 20,
                direct >> 20);
    }
}
