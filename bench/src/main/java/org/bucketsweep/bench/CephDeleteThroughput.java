package org.bucketsweep.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bucketsweep.bench.CephBuckets.Contents;
import org.bucketsweep.bench.DeleteRunTypes.Kind;
import org.bucketsweep.bench.DeleteRunTypes.Run;
import org.bucketsweep.bench.DeleteRunTypes.Variant;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.VersionRef;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Delete throughput on a real server: a Ceph RGW started by {@code scripts/ceph-rgw.sh start DIR} (its
 * {@code BUCKETSWEEP_CEPH_*} variables from {@code DIR/env} in the environment). Each variant gets a fresh versioned
 * bucket of {@code objects} keys and deletes in two timed phases, each checked by listing the bucket afterwards:
 * <ol>
 *   <li><b>markers</b>: every current object, by key, so each gets a delete marker;</li>
 *   <li><b>noncurrent</b>: the versions those markers now hide, by version id, for good.</li>
 * </ol>
 * The engine runs at its default (adaptive) and fixed concurrencies, against the SDK loop at fixed ones, the aws CLI's
 * {@code s3api delete-objects} (both phases) and {@code s3 rm --recursive} (markers only; it cannot delete
 * versions). Buckets are left for the throwaway cluster: emptying them would cost as much as the bench.
 *
 * <p>Arguments ({@code --name=value}): {@code objects} (20000), {@code runs} (1), {@code concurrency} (auto,1,4,16;
 * auto is the engine's default and is skipped for the SDK), {@code variants} (engine,sdk,cli-delete-objects,
 * cli-rm), {@code aws} (auto), {@code seed-threads} (16). {@code quick=true}: 2000 objects, auto and 4, engine and
 * SDK only. Without a Ceph RGW it reports that it was skipped, and succeeds. It never fails on a time.
 */
public final class CephDeleteThroughput {

    static final Set<String> ARGS = Set.of("objects", "runs", "concurrency", "variants", "aws", "seed-threads");
    private static final String REGION = "us-east-1";

    enum Phase {
        MARKERS("current objects -> delete markers", DeleteOutcome.DELETE_MARKER_CREATED),
        NONCURRENT("noncurrent versions, deleted for good", DeleteOutcome.DELETED);

        final String label;
        final DeleteOutcome expected;

        Phase(String label, DeleteOutcome expected) {
            this.label = label;
            this.expected = expected;
        }
    }

    record Config(int objects, int runs, List<Integer> concurrency, List<String> variants, String aws,
                  int seedThreads) {
        static Config of(BenchArgs args) {
            boolean quick = args.flag("quick", false);
            return new Config(args.positiveInt("objects", quick ? 2000 : 20_000), args.positiveInt("runs", 1),
                    args.list("concurrency", quick ? "auto,4" : "auto,1,4,16").stream()
                            .map(DeleteRunTypes::parseConcurrency).toList(),
                    args.list("variants", quick ? "engine,sdk" : "engine,sdk,cli-delete-objects,cli-rm"),
                    args.string("aws", "auto"), args.positiveInt("seed-threads", 16));
        }
    }

    private final Config config;
    private final URI endpoint;
    private final S3Connection engine;
    private final BenchClients ceiling;
    private final BenchClients admin;
    private final CephBuckets buckets;
    private final Path work;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private Optional<AwsCli> aws = Optional.empty();
    private int bucketNumber;

    private CephDeleteThroughput(Config config, URI endpoint, String accessKey, String secretKey) throws Exception {
        this.config = config;
        this.endpoint = endpoint;
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        engine = S3Connection.open(new ConnectionSettings("bench-ceph", endpoint, REGION, true,
                new CredentialsSource.StaticKeys(accessKey, secretKey)));
        ceiling = BenchClients.ceiling(endpoint, REGION, credentials);
        admin = BenchClients.admin(endpoint, REGION, credentials);
        buckets = new CephBuckets(admin.s3(), config.seedThreads);
        work = Files.createTempDirectory("bucketsweep-bench-ceph-");
        if (config.variants.stream().anyMatch(v -> v.startsWith("cli"))) {
            aws = AwsCli.find(config.aws, work, endpoint, REGION, accessKey, secretKey);
        }
    }

    public static void main(String[] args) {
        BenchMain.run("delete-ceph", args, ARGS, CephDeleteThroughput::measure);
    }

    private static BenchResult measure(BenchArgs args) throws Exception {
        String endpoint = System.getenv("BUCKETSWEEP_CEPH_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return new BenchResult("delete-ceph", "Skipped: no Ceph RGW (run `scripts/ceph-rgw.sh start DIR` and"
                    + " `. DIR/env` first).\n", List.of(new BenchResult.Figure("Delete throughput on Ceph RGW",
                    "skipped", "no BUCKETSWEEP_CEPH_ENDPOINT")), true);
        }
        CephDeleteThroughput bench = new CephDeleteThroughput(Config.of(args), URI.create(endpoint),
                System.getenv("BUCKETSWEEP_CEPH_ACCESS_KEY"), System.getenv("BUCKETSWEEP_CEPH_SECRET_KEY"));
        try {
            return bench.run();
        } finally {
            bench.close();
        }
    }

    private BenchResult run() {
        long t0 = System.nanoTime();
        List<Variant> variants = variants();
        System.out.printf(Locale.ROOT, "Ceph RGW at %s; %,d objects per variant; %d run(s); variants %s%n", endpoint,
                config.objects, config.runs, variants.stream().map(Variant::id).toList());
        Map<Phase, Map<Variant, List<Run>>> results = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            results.put(p, new LinkedHashMap<>());
        }
        for (int round = 1; round <= config.runs; round++) {
            for (Variant v : variants) {
                Map<Phase, Run> runs = runVariant(v);
                runs.forEach((p, r) -> {
                    results.get(p).computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                    System.out.printf(Locale.ROOT, "  %-10s %-20s %s%n", p.name().toLowerCase(Locale.ROOT), v.id(),
                            r.isOk() ? String.format(Locale.ROOT, "%,d in %.2f s = %,.0f keys/s  %s", r.items(),
                                    r.seconds(), r.keysPerSecond(), r.outcomes())
                                    : "ERROR: " + r.error() + "  " + r.outcomes());
                });
            }
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        CephReport report = new CephReport(config.objects, config.runs, aws.map(AwsCli::version).orElse(null));
        return new BenchResult("delete-ceph", report.markdown(results, minutes), report.figures(results),
                report.allOk(results));
    }

    private List<Variant> variants() {
        List<Variant> list = new ArrayList<>();
        for (int c : config.concurrency) {
            if (config.variants.contains("engine")) {
                list.add(new Variant(Kind.ENGINE, c, config.objects));
            }
        }
        for (int c : config.concurrency) {
            if (config.variants.contains("sdk") && c > 0) {
                list.add(new Variant(Kind.SDK, c, config.objects));
            }
        }
        if (aws.isPresent() && config.variants.contains("cli-delete-objects")) {
            list.add(new Variant(Kind.CLI_DELETE_OBJECTS, 1, config.objects));
        }
        if (aws.isPresent() && config.variants.contains("cli-rm")) {
            list.add(new Variant(Kind.CLI_RM, AwsCli.RM_CONCURRENCY, config.objects));
        }
        return list;
    }

    /** Seeds a bucket, then deletes its current objects (markers), then the versions they hide (noncurrent). */
    private Map<Phase, Run> runVariant(Variant v) {
        Map<Phase, Run> runs = new LinkedHashMap<>();
        String bucket = "bench-" + runId + "-" + (++bucketNumber);
        try {
            double seconds = buckets.seedVersioned(bucket, v.items());
            Contents seeded = buckets.contents(bucket);
            System.out.printf(Locale.ROOT, "  seeded %s: %s in %.1f s (%,.0f PUTs/s)%n", bucket, seeded, seconds,
                    v.items() / seconds);
            if (seeded.currentVersions().size() != v.items() || seeded.total() != v.items()) {
                runs.put(Phase.MARKERS, Run.failed("seeding gave " + seeded, ""));
                return runs;
            }
            List<VersionRef> keys = seeded.currentVersions().stream().map(r -> VersionRef.current(r.key())).toList();
            Run markers = check(delete(v, Phase.MARKERS, bucket, keys), bucket, v.items(), 0, v.items(), v.items());
            runs.put(Phase.MARKERS, markers);
            if (!markers.isOk() || v.kind() == Kind.CLI_RM) {
                return runs;
            }
            List<VersionRef> noncurrent = buckets.contents(bucket).noncurrentVersions();
            runs.put(Phase.NONCURRENT, check(delete(v, Phase.NONCURRENT, bucket, noncurrent), bucket, v.items(), 0, 0,
                    v.items()));
        } catch (Exception e) {
            runs.putIfAbsent(Phase.MARKERS, Run.failed(e.toString(), ""));
        }
        return runs;
    }

    private Run delete(Variant v, Phase phase, String bucket, List<VersionRef> refs) throws Exception {
        System.gc();
        return switch (v.kind()) {
            case ENGINE -> DeleteLoops.engine(engine, bucket, refs, v.concurrency(), phase.expected);
            case SDK -> DeleteLoops.sdk(ceiling.s3(), bucket, refs, v.concurrency());
            case CLI_DELETE_OBJECTS -> aws.orElseThrow().deleteObjects(bucket, refs);
            case CLI_RM -> aws.orElseThrow().rm(bucket, refs.size());
        };
    }

    /** The run stands only if the listing afterwards shows exactly what it should have left. */
    private Run check(Run run, String bucket, int items, int current, int noncurrent, int markers) {
        if (!run.isOk()) {
            return run;
        }
        if (run.items() != items) {
            return Run.failed(run.items() + " items instead of " + items, run.outcomes());
        }
        Contents left = buckets.contents(bucket);
        if (left.currentVersions().size() != current || left.noncurrentVersions().size() != noncurrent
                || left.markers() != markers) {
            return Run.failed("the bucket holds " + left + " afterwards; expected " + current + " current, "
                    + noncurrent + " noncurrent, " + markers + " markers", run.outcomes());
        }
        return run;
    }

    private void close() {
        engine.close();
        ceiling.close();
        admin.close();
    }
}
