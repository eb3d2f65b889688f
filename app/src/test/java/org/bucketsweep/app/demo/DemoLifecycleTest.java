package org.bucketsweep.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.RuleSummary;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The demo sandbox's lifecycle front: lifecycle rules are kept (in memory) although local-s3 has none, and
 * everything else still reaches the server: objects of every kind of key go up, are listed and deleted through it.
 */
class DemoLifecycleTest {

    private static DemoSandbox sandbox;
    private static S3Connection connection;

    @BeforeAll
    static void start() {
        sandbox = DemoSandbox.start();
        connection = S3Connection.open(new ConnectionSettings("demo", sandbox.endpoint(), sandbox.region(), true,
                new CredentialsSource.StaticKeys(sandbox.accessKeyId(), sandbox.secretAccessKey())));
    }

    @AfterAll
    static void stop() {
        connection.close();
        sandbox.close();
    }

    @Test
    void lifecycleRulesAreAddedListedAndRemoved() {
        BucketLifecycle lifecycle = new BucketLifecycle(connection);
        assertThat(lifecycle.read(DemoSandbox.VERSIONED_BUCKET).summaries()).extracting(RuleSummary::id)
                .as("the demo starts with someone else's rule").containsExactly(DemoContent.OTHER_RULE_ID);

        lifecycle.apply(DemoSandbox.VERSIONED_BUCKET, lifecycle.planAdd(DemoSandbox.VERSIONED_BUCKET,
                new SweepRule("backups/", 30, 2, true, 7)));

        List<RuleSummary> rules = lifecycle.read(DemoSandbox.VERSIONED_BUCKET).summaries();
        assertThat(rules).extracting(RuleSummary::id)
                .containsExactly(DemoContent.OTHER_RULE_ID, "bucketsweep-backups/");
        assertThat(rules.get(1).actions()).contains("except the newest 2 of each key");
        assertThat(lifecycle.read(DemoSandbox.UNVERSIONED_BUCKET).isEmpty()).as("per bucket").isTrue();

        lifecycle.apply(DemoSandbox.VERSIONED_BUCKET, lifecycle.planRemoveOurs(DemoSandbox.VERSIONED_BUCKET));
        assertThat(lifecycle.read(DemoSandbox.VERSIONED_BUCKET).summaries()).extracting(RuleSummary::id)
                .containsExactly(DemoContent.OTHER_RULE_ID);
    }

    @Test
    void everythingElseGoesToTheServerUnchanged() {
        var s3 = connection.client();
        String bucket = DemoSandbox.SCRATCH_BUCKET;
        List<String> keys = List.of("front/ü é&<>.txt", "front/plus+sign", "front/percent%20");
        for (String key : keys) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x".repeat(70_000)));
        }
        assertThat(s3.headObject(b -> b.bucket(bucket).key(keys.get(0))).contentLength()).isEqualTo(70_000);

        List<String> listed = new ArrayList<>();
        new BucketBrowser(connection).listAllVersions(bucket, "front/", page -> page.entries().forEach(
                e -> listed.add(((org.bucketsweep.model.browse.ObjectVersion) e).key())), new CancellationToken());
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);

        List<ItemResult> results = new ArrayList<>();
        new BatchDeleter(connection).run(DeleteJob.of(bucket, keys.stream().map(k -> new VersionRef(k, null))
                .toList(), false), MfaCodeSupplier.NONE, results::addAll, new CancellationToken());
        assertThat(results).extracting(ItemResult::outcome).containsOnly(DeleteOutcome.DELETE_MARKER_CREATED);
        // The server's headers pass unchanged: the SDK finds x-amz-request-id only in that exact case.
        assertThat(results).extracting(ItemResult::requestId).doesNotContainNull().doesNotContain("UNKNOWN");
    }
}
