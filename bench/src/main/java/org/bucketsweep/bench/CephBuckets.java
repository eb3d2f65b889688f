package org.bucketsweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.delete.VersionRef;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Buckets on a real Ceph RGW for the delete bench: signed SDK PUTs from several threads (RGW checks signatures,
 * unlike local-s3, so the raw pipelined seeder cannot be used), and listings that say what is left.
 */
final class CephBuckets {

    private static final byte[] BODY = "bench object body, 32 bytes....\n".getBytes();

    private final S3Client s3;
    private final int threads;

    CephBuckets(S3Client s3, int threads) {
        this.s3 = s3;
        this.threads = threads;
    }

    /** What a versioned bucket holds, from ListObjectVersions. */
    record Contents(List<VersionRef> currentVersions, List<VersionRef> noncurrentVersions, int markers) {
        int total() {
            return currentVersions.size() + noncurrentVersions.size() + markers;
        }

        @Override
        public String toString() {
            return currentVersions.size() + " current, " + noncurrentVersions.size() + " noncurrent, " + markers
                    + " markers";
        }
    }

    /** A new versioned bucket with {@code objects} keys, one version each; returns the seconds the PUTs took. */
    double seedVersioned(String bucket, int objects) throws Exception {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < objects; i = next.getAndIncrement()) {
                        String key = BucketSeeder.key(i);
                        s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(BODY));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    Contents contents(String bucket) {
        List<VersionRef> current = new ArrayList<>();
        List<VersionRef> noncurrent = new ArrayList<>();
        int[] markers = {0};
        s3.listObjectVersionsPaginator(l -> l.bucket(bucket)).forEach(page -> {
            markers[0] += page.deleteMarkers().size();
            for (ObjectVersion v : page.versions()) {
                (Boolean.TRUE.equals(v.isLatest()) ? current : noncurrent).add(new VersionRef(v.key(), v.versionId()));
            }
        });
        return new Contents(current, noncurrent, markers[0]);
    }
}
