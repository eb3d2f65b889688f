package org.bucketsweep.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "As it was at DATE": planned by listing a real server, run, and the server read back. */
class RollBackPlanTest {

    private static final String BUCKET = "rollback";

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;
    private DeletePlanner planner;
    private String before;
    private Instant asOf;

    @BeforeEach
    void seed() throws InterruptedException {
        connection = server.connection();
        buckets = server.buckets();
        planner = new DeletePlanner(new BucketBrowser(connection));
        buckets.versionedBucket(BUCKET);
        before = buckets.put(BUCKET, "site/é &<>.html", "as it was");
        buckets.put(BUCKET, "site/b.txt", "b");
        buckets.put(BUCKET, "other/x.txt", "x");
        asOf = lastModified("site/é &<>.html", before);
        // Servers keep whole seconds: what follows is strictly later than asOf.
        Thread.sleep(1_100);
        buckets.put(BUCKET, "site/é &<>.html", "broken by a deploy");
        buckets.addDeleteMarker(BUCKET, "site/b.txt");
        buckets.put(BUCKET, "site/new.txt", "created after");
        buckets.put(BUCKET, "other/x.txt", "outside the prefix");
    }

    @Test
    void removesWhatWasWrittenAfterTheDateSoThePrefixIsAsItWasThen() {
        DeletePlan plan = planner.plan(BUCKET, VersioningStatus.ENABLED,
                new DeleteIntent.RollBack(Scope.prefix("site/"), asOf), new CancellationToken());

        assertThat(plan.rows()).extracting(ObjectVersion::key)
                .containsExactlyInAnyOrder("site/b.txt", "site/new.txt", "site/é &<>.html");
        assertThat(plan.rows()).allSatisfy(v -> assertThat(v.lastModified()).isAfter(asOf));
        assertThat(plan.preview().markersRemoved()).isEqualTo(1);
        assertThat(plan.warnings()).containsExactly("1 key was created after that date and will be gone entirely.");

        new BatchDeleter(connection).run(DeleteJob.of(BUCKET, plan.items(), false), MfaCodeSupplier.NONE,
                results -> { }, new CancellationToken());

        assertThat(buckets.currentKeys(BUCKET)).containsExactlyInAnyOrder("site/é &<>.html", "site/b.txt",
                "other/x.txt");
        assertThat(buckets.versionsOf(BUCKET, "site/é &<>.html")).containsExactly(before);
        assertThat(buckets.versionsOf(BUCKET, "other/x.txt")).hasSize(2);
    }

    @Test
    void aDateAfterEverythingPlansNothing() {
        DeletePlan plan = planner.plan(BUCKET, VersioningStatus.ENABLED,
                new DeleteIntent.RollBack(Scope.prefix(""), Instant.now().plusSeconds(3600)),
                new CancellationToken());

        assertThat(plan.isEmpty()).isTrue();
    }

    private Instant lastModified(String key, String versionId) {
        List<ObjectVersion> versions = new ArrayList<>();
        new BucketBrowser(connection).listAllVersions(BUCKET, key, page -> page.entries().forEach(e -> {
            if (e instanceof ObjectVersion v && versionId.equals(v.versionId())) {
                versions.add(v);
            }
        }), new CancellationToken());
        return versions.get(0).lastModified();
    }
}
