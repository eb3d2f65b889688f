package org.bucketsweep.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bucketsweep.bench.DeleteRunTypes.Kind;
import org.bucketsweep.bench.DeleteRunTypes.Run;
import org.bucketsweep.bench.DeleteRunTypes.Variant;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.VersionRef;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Delete throughput: BucketSweep's engine ({@link org.bucketsweep.model.delete.BatchDeleter}) against a plain AWS SDK
 * v2 loop of DeleteObjects (the ceiling, {@link DeleteLoops}) and the aws CLI ({@link AwsCli}), on Robothy local-s3
 * running in memory in this JVM on 127.0.0.1. {@link CephDeleteThroughput} does the same on a real Ceph RGW.
 *
 * <p>Every run re-seeds a fresh bucket with the same data, then times only the deletes, then checks with
 * ListObjectVersions that the bucket is really empty. A run that left anything behind, or whose outcomes do not add
 * up, is an error and gives no number. Each variant runs {@code --runs} times (interleaved: round 1 of every variant,
 * then round 2, ...) and the table shows the median ({@link LocalDeleteReport}). The engine and the SDK at the same
 * concurrency run as a pair: both buckets are seeded, then deleted back to back (the SDK first in even rounds), and
 * each run also records the CPU time it took, which other programs on a shared machine do not inflate.
 *
 * <p>Arguments ({@code --name=value}): {@code versions} (engine and SDK, default 200000), {@code cli-versions} (aws CLI
 * variants, default 10000), {@code runs} (3), {@code concurrency} (auto,1,2,4,8; auto is the engine's default and
 * has no SDK pair), {@code variants} (engine,sdk,cli-delete-objects,cli-rm), {@code aws} (path of the aws CLI, or
 * auto: /usr/bin/aws, else aws on the PATH), {@code warmup} (true). With {@code quick=true} the defaults shrink to
 * 10,000 versions, one run, concurrency auto and 4, engine and SDK only, no warm-up.
 *
 * <p>Exits 0 when every run was correct, 1 when a run was wrong (left items behind, failed items), 2 on bad
 * arguments ({@link BenchMain}). It never fails on a time.
 */
public final class DeleteThroughput {

    private static final String REGION = LocalS3Server.REGION;
    static final int VERSIONS_PER_KEY = 2;
    /** The arguments, as {@code --name=value}; see the class comment. */
    static final Set<String> ARGS = Set.of("versions", "cli-versions", "runs", "concurrency", "variants", "aws",
            "warmup");

    record Config(int versions, int cliVersions, int runs, List<Integer> concurrency, List<String> variants,
                  String aws, boolean warmup) {

        static Config of(BenchArgs args) {
            boolean quick = args.flag("quick", false);
            Config c = new Config(
                    args.positiveInt("versions", quick ? 10_000 : 200_000),
                    args.positiveInt("cli-versions", 10_000),
                    args.positiveInt("runs", quick ? 1 : 3),
                    args.list("concurrency", quick ? "auto,4" : "auto,1,2,4,8").stream()
                            .map(DeleteRunTypes::parseConcurrency).toList(),
                    args.list("variants", quick ? "engine,sdk" : "engine,sdk,cli-delete-objects,cli-rm"),
                    args.string("aws", "auto"),
                    args.flag("warmup", !quick));
            if (c.concurrency.isEmpty() || c.concurrency.stream().anyMatch(n -> n < 0)) {
                throw new IllegalArgumentException("at least one concurrency, each auto or at least 1");
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
    private final BenchClients seed;
    private final S3Client seedClient;
    private final BenchClients ceiling;
    private final S3Connection engineConnection;
    private final BucketSeeder seeder;
    private final AtomicInteger bucketNumbers = new AtomicInteger();
    private final Path work;
    private Optional<AwsCli> aws = Optional.empty();
    /** How long the last seeding's PUTs took (without the listing that follows them). */
    private long lastPutNanos;

    private DeleteThroughput(Config config, URI endpoint) throws IOException {
        this.config = config;
        this.endpoint = endpoint;
        this.work = Files.createTempDirectory("bucketsweep-bench-");
        seed = BenchClients.admin(endpoint, REGION, LocalS3Server.credentials());
        seedClient = seed.s3();
        ceiling = BenchClients.ceiling(endpoint, REGION, LocalS3Server.credentials());
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
        if (config.warmup && variants.stream().anyMatch(v -> v.kind() == Kind.ENGINE || v.kind() == Kind.SDK)) {
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
        LocalDeleteReport report = new LocalDeleteReport(config, aws.map(AwsCli::version).orElse(null));
        return new BenchResult("delete", report.report(runs), report.figures(runs), allOk);
    }

    private void record(Map<Variant, List<Run>> runs, int round, Variant v, Run r) {
        runs.get(v).add(r);
        if (r.isOk()) {
            System.out.printf(Locale.ROOT, "  [round %d/%d] %-20s %,7d deleted in %7.3f s = %,9.0f keys/s, CPU %.0f ms"
                            + "/1000 keys  %s (%s)%n", round, config.runs, v.id(), r.items(), r.seconds(),
                    r.keysPerSecond(), r.cpuMsPerThousand(), r.outcomes(), DeleteRunTypes.memory());
        } else {
            System.out.printf(Locale.ROOT, "  [round %d/%d] %-20s ERROR: %s  %s (%s)%n", round, config.runs, v.id(),
                    r.error(), r.outcomes(), DeleteRunTypes.memory());
        }
    }

    /** The engine and the SDK at the same concurrency. */
    static boolean isPair(Variant a, Variant b) {
        return a.concurrency() == b.concurrency() && a.items() == b.items()
                && (a.kind() == Kind.ENGINE && b.kind() == Kind.SDK || a.kind() == Kind.SDK && b.kind() == Kind.ENGINE);
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
                if (a.kind() == Kind.ENGINE && b.kind() == Kind.SDK && a.concurrency() == b.concurrency()) {
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
            if (config.variants.contains("sdk") && c != DeleteOptions.ADAPTIVE) {
                list.add(new Variant(Kind.SDK, c, config.versions));
            }
        }
        boolean cli = config.variants.contains("cli-delete-objects") || config.variants.contains("cli-rm");
        if (cli) {
            aws = AwsCli.find(config.aws, work, endpoint, REGION, LocalS3Server.ACCESS_KEY_ID,
                    LocalS3Server.SECRET_ACCESS_KEY);
        }
        if (aws.isPresent()) {
            if (config.variants.contains("cli-delete-objects")) {
                list.add(new Variant(Kind.CLI_DELETE_OBJECTS, 1, config.cliVersions));
            }
            if (config.variants.contains("cli-rm")) {
                list.add(new Variant(Kind.CLI_RM, AwsCli.RM_CONCURRENCY, config.cliVersions));
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
                System.out.println("  warm-up " + v.id() + " went wrong: " + r.error());
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
        boolean versioned = v.kind() != Kind.CLI_RM;
        long s0 = System.nanoTime();
        List<VersionRef> refs = versioned ? seedVersioned(bucket, v.items()) : seedUnversioned(bucket, v.items());
        long seedNanos = System.nanoTime() - s0;
        if (refs.size() != v.items()) {
            throw new IllegalStateException("seeding gave " + refs.size() + " items instead of " + v.items());
        }
        System.out.printf(Locale.ROOT, "  seeded %s: %,d %s: PUTs %.1f s (%,.0f/s, %d connections), listing %.1f s%n",
                bucket, v.items(), versioned ? "versions (" + VERSIONS_PER_KEY + " per key)" : "objects (unversioned)",
                lastPutNanos / 1e9, v.items() / (lastPutNanos / 1e9), BucketSeeder.CONNECTIONS,
                (seedNanos - lastPutNanos) / 1e9);
        return new Seeded(bucket, refs);
    }

    /** Times the deletes, then checks that the bucket is empty and removes it. */
    private Run measure(Variant v, Seeded seeded) {
        String bucket = seeded.bucket;
        try {
            System.gc();
            Run run = switch (v.kind()) {
                case ENGINE -> DeleteLoops.engine(engineConnection, bucket, seeded.refs, v.concurrency(),
                        DeleteOutcome.DELETED);
                case SDK -> DeleteLoops.sdk(ceiling.s3(), bucket, seeded.refs, v.concurrency());
                case CLI_DELETE_OBJECTS -> aws.orElseThrow().deleteObjects(bucket, seeded.refs);
                case CLI_RM -> aws.orElseThrow().rm(bucket, seeded.refs.size());
            };
            long left = countLeft(bucket);
            if (left > 0) {
                return Run.failed(left + " version(s) or marker(s) left in the bucket", run.outcomes());
            }
            seedClient.deleteBucket(b -> b.bucket(bucket));
            return run;
        } catch (Exception e) {
            return Run.failed(e.toString(), "");
        }
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

    private void close() {
        engineConnection.close();
        ceiling.close();
        seed.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind
        }
    }
}
