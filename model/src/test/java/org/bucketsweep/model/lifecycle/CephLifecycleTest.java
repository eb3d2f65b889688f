package org.bucketsweep.model.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.util.UUID;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Lifecycle rules on a server that has them: the Ceph RGW that {@code scripts/ceph-rgw.sh} starts (CI does);
 * skipped where none is configured. Every test reads the configuration back with a plain SDK client.
 */
@Tag("ceph")
class CephLifecycleTest {

    private static final LifecycleRule THEIRS = LifecycleRule.builder()
            .id("their-tmp-rule").filter(f -> f.prefix("tmp/")).status(ExpirationStatus.ENABLED)
            .expiration(e -> e.days(3)).build();

    private static S3Connection connection;
    private static S3Client s3;

    @BeforeAll
    static void connect() {
        String endpoint = System.getenv("BUCKETSWEEP_CEPH_ENDPOINT");
        assumeThat(endpoint).as("BUCKETSWEEP_CEPH_ENDPOINT (scripts/ceph-rgw.sh start)").isNotBlank();
        connection = S3Connection.open(new ConnectionSettings("ceph", URI.create(endpoint), "us-east-1", true,
                new CredentialsSource.StaticKeys(System.getenv("BUCKETSWEEP_CEPH_ACCESS_KEY"),
                        System.getenv("BUCKETSWEEP_CEPH_SECRET_KEY"))));
        s3 = connection.client();
    }

    @AfterAll
    static void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void addingToABucketWithRulesKeepsThemAndTheRuleReadsBackAsSent() {
        String bucket = versionedBucket();
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(THEIRS)));
        BucketLifecycle lifecycle = new BucketLifecycle(connection);
        SweepRule rule = new SweepRule("backups/", 30, null, true, 7);

        lifecycle.apply(bucket, lifecycle.planAdd(bucket, rule));

        LifecycleConfig stored = new LifecycleConfig(
                s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules());
        assertThat(stored.rule("their-tmp-rule")).contains(THEIRS);
        LifecycleRule ours = stored.rule(rule.id()).orElseThrow();
        assertThat(ours.filter().prefix()).isEqualTo("backups/");
        assertThat(ours.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(30);
        assertThat(ours.expiration().expiredObjectDeleteMarker()).isTrue();
        assertThat(ours.abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(7);
        assertThat(stored.summaries()).extracting(RuleSummary::id, RuleSummary::ours).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("their-tmp-rule", false),
                org.assertj.core.groups.Tuple.tuple("bucketsweep-backups/", true));
    }

    @Test
    void aNewRuleForThePrefixReplacesTheOldOneAndExpiredMarkersReadBack() {
        String bucket = versionedBucket();
        BucketLifecycle lifecycle = new BucketLifecycle(connection);
        lifecycle.apply(bucket, lifecycle.planAdd(bucket, new SweepRule("", 90, null, false, null)));

        LifecycleChange change = lifecycle.planAdd(bucket, new SweepRule("", 10, null, true, null));
        lifecycle.apply(bucket, change);

        assertThat(change.replaced()).isNotNull();
        LifecycleConfig stored = lifecycle.read(bucket);
        assertThat(stored.rules()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("bucketsweep-whole-bucket");
            assertThat(r.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(10);
            assertThat(r.expiration().expiredObjectDeleteMarker()).isTrue();
        });
    }

    @Test
    void removingBucketSweepsRulesLeavesTheOthersAndTheLastOneDeletesTheConfiguration() {
        String bucket = versionedBucket();
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(THEIRS)));
        BucketLifecycle lifecycle = new BucketLifecycle(connection);
        lifecycle.apply(bucket, lifecycle.planAdd(bucket, new SweepRule("a/", 5, null, false, null)));

        lifecycle.apply(bucket, lifecycle.planRemoveOurs(bucket));
        assertThat(lifecycle.read(bucket).rules()).containsExactly(THEIRS);

        String onlyOurs = versionedBucket();
        lifecycle.apply(onlyOurs, lifecycle.planAdd(onlyOurs, new SweepRule("a/", 5, null, false, null)));
        lifecycle.apply(onlyOurs, lifecycle.planRemoveOurs(onlyOurs));
        assertThat(lifecycle.read(onlyOurs).isEmpty()).isTrue();
        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket(onlyOurs)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("NoSuchLifecycleConfiguration"));
    }

    @Test
    void aServerThatDropsNewerNoncurrentVersionsGetsThePreviousRulesBack() {
        // Ceph 16 accepts NewerNoncurrentVersions and stores the rule without it: every noncurrent version would
        // expire, also the newest ones the person meant to keep.
        String bucket = versionedBucket();
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(THEIRS)));
        BucketLifecycle lifecycle = new BucketLifecycle(connection);
        LifecycleChange change = lifecycle.planAdd(bucket, new SweepRule("backups/", 30, 2, false, null));

        assertThatThrownBy(() -> lifecycle.apply(bucket, change)).isInstanceOfSatisfying(LifecycleException.class,
                e -> {
                    assertThat(e.failure().code()).isEqualTo("RuleNotStoredAsSent");
                    assertThat(e.failure().message()).contains("NewerNoncurrentVersions missing instead of 2");
                    assertThat(e.failure().hint()).contains("does not support keeping the newest");
                });
        assertThat(lifecycle.read(bucket).rules()).containsExactly(THEIRS);
    }

    @Test
    void aBucketThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> new BucketLifecycle(connection).read("no-such-" + UUID.randomUUID()))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.failure().code()).isEqualTo("NoSuchBucket");
                    assertThat(e.failure().message()).contains("does not exist");
                });
    }

    private static String versionedBucket() {
        String bucket = "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
        new TestBuckets(s3).versionedBucket(bucket);
        return bucket;
    }
}
