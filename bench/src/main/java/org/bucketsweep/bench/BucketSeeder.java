package org.bucketsweep.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.delete.VersionRef;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Fills buckets on the bench's local-s3 as fast as this machine allows: unsigned PUTs of a 32-byte body, pipelined,
 * {@value #WINDOW} at a time on each of {@value #CONNECTIONS} keep-alive connections (about 14,000 PUTs/s on 2 busy
 * cores, against about 2,600/s for signed SDK PUTs from 8 threads). local-s3 offers no public way to fill its store
 * directly. Buckets are created and versioned through the SDK client given.
 */
final class BucketSeeder {

    static final int CONNECTIONS = 2;
    static final int WINDOW = 16;
    private static final byte[] BODY = "bench object body, 32 bytes....\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_BODY = new byte[0];

    /** What a seeding wrote: every version and delete marker, in the order written, and how long it took. */
    record Seeding(String bucket, boolean versioned, int versions, int deleteMarkers, List<VersionRef> refs,
                   long nanos) {
        int entries() {
            return versions + deleteMarkers;
        }

        double seconds() {
            return nanos / 1e9;
        }

        String describe() {
            return String.format(Locale.ROOT, "%,d %s%s in %.1f s (%,.0f per second)", versions,
                    versioned ? "versions" : "objects",
                    deleteMarkers > 0 ? String.format(Locale.ROOT, " and %,d delete markers", deleteMarkers) : "",
                    seconds(), entries() / seconds());
        }
    }

    private final URI endpoint;
    private final S3Client admin;

    BucketSeeder(URI endpoint, S3Client admin) {
        this.endpoint = endpoint;
        this.admin = admin;
    }

    /** The key of the i-th object: 100 folders, so that listings have common prefixes to roll up. */
    static String key(int i) {
        return String.format(Locale.ROOT, "data/%03d/object-%07d.bin", i % 100, i);
    }

    /**
     * A new versioned bucket holding {@code entries} versions and delete markers: {@code versionsPerKey} per key (the
     * last key gets what is left), and on every {@code markerEvery}-th key the newest entry is a delete marker
     * (0: no markers).
     */
    Seeding versioned(String bucket, int entries, int versionsPerKey, int markerEvery)
            throws IOException, InterruptedException {
        admin.createBucket(b -> b.bucket(bucket));
        admin.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        int keys = (entries + versionsPerKey - 1) / versionsPerKey;
        int[] puts = new int[entries];
        int[] markers = new int[markerEvery > 0 ? keys / markerEvery + 1 : 0];
        int p = 0;
        int m = 0;
        for (int k = 0; k < keys; k++) {
            int versions = Math.min(versionsPerKey, entries - k * versionsPerKey);
            boolean marker = markerEvery > 0 && k % markerEvery == 0 && versions > 1;
            for (int v = marker ? 1 : 0; v < versions; v++) {
                puts[p++] = k;
            }
            if (marker) {
                markers[m++] = k;
            }
        }
        long t0 = System.nanoTime();
        // The markers go second, so that each is its key's newest entry.
        String[] versionIds = send("PUT", bucket, puts, p, BODY, 200);
        String[] markerIds = send("DELETE", bucket, markers, m, NO_BODY, 204);
        long nanos = System.nanoTime() - t0;
        List<VersionRef> refs = new ArrayList<>(p + m);
        addRefs(refs, puts, versionIds, p);
        addRefs(refs, markers, markerIds, m);
        return new Seeding(bucket, true, p, m, List.copyOf(refs), nanos);
    }

    /** A new bucket that never had versioning, holding {@code objects} objects. */
    Seeding unversioned(String bucket, int objects) throws IOException, InterruptedException {
        admin.createBucket(b -> b.bucket(bucket));
        int[] keys = new int[objects];
        for (int k = 0; k < objects; k++) {
            keys[k] = k;
        }
        long t0 = System.nanoTime();
        send("PUT", bucket, keys, objects, BODY, 200);
        long nanos = System.nanoTime() - t0;
        List<VersionRef> refs = new ArrayList<>(objects);
        for (int k = 0; k < objects; k++) {
            refs.add(VersionRef.current(key(k)));
        }
        return new Seeding(bucket, false, objects, 0, List.copyOf(refs), nanos);
    }

    private static void addRefs(List<VersionRef> refs, int[] keys, String[] versionIds, int count) {
        for (int i = 0; i < count; i++) {
            String id = versionIds[i];
            if (id == null || id.isEmpty() || "null".equals(id)) {
                throw new IllegalStateException("no version id for " + key(keys[i]) + ": is versioning on?");
            }
            refs.add(new VersionRef(key(keys[i]), id));
        }
    }

    /** One request per entry of {@code keys[0..count)}; each answer must have {@code status}. Its version ids. */
    private String[] send(String method, String bucket, int[] keys, int count, byte[] body, int status)
            throws IOException, InterruptedException {
        String[] versionIds = new String[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS, r -> {
            Thread t = new Thread(r, "seed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                workers.add(connections.submit(() -> {
                    try (RawHttpConnection connection = new RawHttpConnection(endpoint)) {
                        for (int from = next.getAndAdd(WINDOW); from < count; from = next.getAndAdd(WINDOW)) {
                            int to = Math.min(count, from + WINDOW);
                            for (int i = from; i < to; i++) {
                                connection.send(method, "/" + bucket + "/" + key(keys[i]), body);
                            }
                            connection.flush();
                            for (int i = from; i < to; i++) {
                                RawHttpConnection.Answer answer = connection.read();
                                if (answer.status() != status) {
                                    throw new IOException(method + " " + key(keys[i]) + " answered HTTP "
                                            + answer.status());
                                }
                                versionIds[i] = answer.versionId();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            next.set(count);
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            connections.shutdownNow();
        }
        return versionIds;
    }
}
