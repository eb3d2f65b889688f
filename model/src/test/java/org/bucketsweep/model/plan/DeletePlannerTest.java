package org.bucketsweep.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each intent planned by listing a real server, then run, with the server's state checked after. */
class DeletePlannerTest {

    private static final String BUCKET = "plans";

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;
    private DeletePlanner planner;
    private String a1;
    private String a2;
    private String a3;
    private String a4;
    private String goneMarker;

    @BeforeEach
    void seed() {
        connection = server.connection();
        buckets = server.buckets();
        planner = new DeletePlanner(new BucketBrowser(connection));
        buckets.versionedBucket(BUCKET);
        a1 = buckets.put(BUCKET, "logs/a.log", "1");
        a2 = buckets.put(BUCKET, "logs/a.log", "22");
        a3 = buckets.put(BUCKET, "logs/a.log", "333");
        a4 = buckets.put(BUCKET, "logs/a.log", "4444");
        buckets.put(BUCKET, "logs/gone.log", "g");
        goneMarker = buckets.addDeleteMarker(BUCKET, "logs/gone.log");
        buckets.put(BUCKET, "keep/b.txt", "b");
    }

    @Test
    void allVersionsUnderAPrefixLeavesNothingThereAndTouchesNothingElse() {
        DeletePlan plan = plan(new DeleteIntent.AllVersions(Scope.prefix("logs/")));

        assertThat(plan.preview().versionsDeleted()).isEqualTo(5);
        assertThat(plan.preview().markersRemoved()).isEqualTo(1);
        assertThat(plan.preview().bytesDeleted()).isEqualTo(1 + 2 + 3 + 4 + 1);
        DeleteSummary summary = run(plan);

        assertThat(summary.total()).isEqualTo(6);
        assertThat(buckets.versionsOf(BUCKET, "logs/a.log")).isEmpty();
        assertThat(buckets.markersOf(BUCKET, "logs/gone.log")).isEmpty();
        assertThat(buckets.currentKeys(BUCKET)).containsExactly("keep/b.txt");
    }

    @Test
    void noncurrentBeyondTheNewestKeepsTheCurrentAndTheNewestNoncurrent() {
        DeletePlan plan = plan(new DeleteIntent.Noncurrent(Scope.keys(List.of("logs/a.log")), null, 1));

        assertThat(plan.items()).containsExactly(new VersionRef("logs/a.log", a2), new VersionRef("logs/a.log", a1));
        run(plan);

        assertThat(buckets.versionsOf(BUCKET, "logs/a.log")).containsExactly(a4, a3);
    }

    @Test
    void noncurrentOlderThanADateCountsFromWhenTheVersionBecameNoncurrent() {
        Instant future = Instant.now().plus(1, ChronoUnit.HOURS);

        DeletePlan none = plan(new DeleteIntent.Noncurrent(Scope.prefix("logs/"), Instant.EPOCH, null));
        DeletePlan all = plan(new DeleteIntent.Noncurrent(Scope.prefix("logs/"), future, null));

        assertThat(none.items()).isEmpty();
        assertThat(plan(new DeleteIntent.Noncurrent(Scope.prefix("logs/"), null, null)).items())
                .as("neither a date nor a number kept: every noncurrent version").isEqualTo(all.items());
        // a1..a3 and gone.log's data version (its marker is current); never a current version.
        assertThat(all.items()).hasSize(4).doesNotContain(new VersionRef("logs/a.log", a4),
                new VersionRef("logs/gone.log", goneMarker));
    }

    @Test
    void undeleteRemovesOnlyLatestDeleteMarkers() {
        DeletePlan plan = plan(new DeleteIntent.Undelete(Scope.prefix("")));

        assertThat(plan.items()).containsExactly(new VersionRef("logs/gone.log", goneMarker));
        DeleteSummary summary = run(plan);

        assertThat(summary.count(DeleteOutcome.DELETE_MARKER_REMOVED)).isEqualTo(1);
        assertThat(buckets.currentKeys(BUCKET)).contains("logs/gone.log");
    }

    @Test
    void addingMarkersToAMissingKeyOrOnAnUnversionedBucketIsSpelledOut() {
        DeletePlan versioned = plan(new DeleteIntent.AddDeleteMarkers(List.of("keep/b.txt", "nope.txt")));
        DeletePlan unversioned = planner.plan(BUCKET, VersioningStatus.NEVER_ENABLED,
                new DeleteIntent.AddDeleteMarkers(List.of("keep/b.txt")), new CancellationToken());

        assertThat(versioned.preview().markersAdded()).isEqualTo(2);
        assertThat(versioned.warnings()).singleElement().asString().contains("1 key does not exist");
        assertThat(unversioned.preview().objectsDeleted()).isEqualTo(1);
        assertThat(unversioned.warnings()).singleElement().asString().contains("deleted for good");
    }

    @Test
    void exactVersionsAreLookedUpForThePreview() {
        DeletePlan plan = plan(new DeleteIntent.DeleteVersions(List.of(
                new VersionRef("logs/a.log", a1), new VersionRef("logs/gone.log", goneMarker),
                new VersionRef("logs/a.log", "no-such-version"))));

        assertThat(plan.preview().versionsDeleted()).isEqualTo(2);
        assertThat(plan.preview().markersRemoved()).isEqualTo(1);
        assertThat(plan.warnings()).singleElement().asString().contains("1 version was not found");
        assertThat(plan.items()).hasSize(3);
    }

    private DeletePlan plan(DeleteIntent intent) {
        return planner.plan(BUCKET, VersioningStatus.ENABLED, intent, new CancellationToken());
    }

    private DeleteSummary run(DeletePlan plan) {
        return new BatchDeleter(connection).run(DeleteJob.of(BUCKET, plan.items(), false), MfaCodeSupplier.NONE,
                results -> { }, new CancellationToken());
    }
}
