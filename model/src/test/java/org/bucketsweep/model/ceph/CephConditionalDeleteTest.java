package org.bucketsweep.model.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.ConditionalDeleteProbe;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ceph RGW 16 accepts DeleteObjects' {@code <ETag>} and ignores it: an object overwritten after the preview is
 * deleted anyway. The probe finds that out, and leaves nothing behind. (If a later Ceph checks the ETag, these
 * tests fail and the docs must change.)
 */
@Tag("ceph")
class CephConditionalDeleteTest {

    private static CephServer ceph;

    @BeforeAll
    static void connect() {
        ceph = CephServer.connect();
    }

    @AfterAll
    static void close() {
        if (ceph != null) {
            ceph.close();
        }
    }

    @Test
    void theProbeFindsThatCephIgnoresTheETagAndLeavesNoTrace() {
        String bucket = ceph.versionedBucket();
        ceph.buckets.put(bucket, "mine.txt", "kept");

        ConditionalDeleteProbe.Result result = ConditionalDeleteProbe.probe(ceph.connection, bucket, false);

        assertThat(result.support()).as(result.detail()).isEqualTo(ConditionalDeleteProbe.Support.IGNORED);
        var listing = ceph.s3.listObjectVersions(b -> b.bucket(bucket));
        List<String> keys = new ArrayList<>();
        listing.versions().forEach(v -> keys.add(v.key()));
        listing.deleteMarkers().forEach(m -> keys.add(m.key()));
        assertThat(keys).containsExactly("mine.txt");
    }

    @Test
    void aStaleETagDoesNotProtectAnObjectOnCeph() {
        String bucket = CephServer.fresh("plain");
        ceph.buckets.plainBucket(bucket);
        String stale = ceph.s3.putObject(b -> b.bucket(bucket).key("b.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("b")).eTag();
        ceph.buckets.put(bucket, "b.txt", "b, overwritten");
        List<ItemResult> results = new ArrayList<>();

        new BatchDeleter(ceph.connection).run(DeleteJob.of(bucket,
                        List.of(VersionRef.currentIfUnchanged("b.txt", stale)), false),
                MfaCodeSupplier.NONE, results::addAll, new CancellationToken());

        assertThat(results).extracting(ItemResult::outcome).containsExactly(DeleteOutcome.DELETED);
        assertThat(ceph.buckets.currentKeys(bucket)).isEmpty();
    }
}
