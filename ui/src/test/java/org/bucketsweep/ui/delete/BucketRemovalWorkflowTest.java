package org.bucketsweep.ui.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.bucket.BucketRemover;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Empty and delete a bucket, without a window, against a real server that is read afterwards. */
class BucketRemovalWorkflowTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private final FakeDialogs dialogs = new FakeDialogs();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ResultsViewModel results = new ResultsViewModel(tasks, dialogs);
    private final List<Boolean> outcomes = new ArrayList<>();
    private S3Connection connection;
    private S3Client s3;
    private TestBuckets buckets;
    private BucketRemovalWorkflow workflow;
    private BucketSummary scratch;

    @BeforeEach
    void connect() {
        connection = server.connection();
        s3 = connection.client();
        buckets = new TestBuckets(s3);
        buckets.versionedBucket("scratch");
        buckets.put("scratch", "build/app-1.0.zip", "one");
        buckets.put("scratch", "build/app-1.0.zip", "two");
        buckets.addDeleteMarker("scratch", "cache/old.json");
        buckets.startUpload("scratch", "build/app-2.0.zip", 2048);
        workflow = new BucketRemovalWorkflow(tasks, dialogs,
                new DeleteWorkflow(tasks, dialogs, results, new JobsViewModel(tasks, null), null));
        scratch = new BucketBrowser(connection).listBuckets().stream().filter(b -> b.name().equals("scratch"))
                .findFirst().orElseThrow();
        scratch = scratch.withStatus(new BucketBrowser(connection).versioningOf("scratch"), null);
    }

    private void start() {
        BatchDeleter deleter = new BatchDeleter(connection);
        workflow.start(new BucketRemovalWorkflow.Services(deleter, new DeletePlanner(new BucketBrowser(connection)),
                new MultipartUploads(connection), new BucketRemover(connection), "test"), scratch, outcomes::add);
    }

    @Test
    void afterTheTypedNameEverythingGoesAndThenTheBucket() {
        start();

        assertThat(dialogs.confirmations).singleElement().satisfies(c -> {
            assertThat(c.typedWord()).isEqualTo("scratch");
            assertThat(c.details()).contains("2 versions will be permanently deleted")
                    .contains("6 B of data will be gone.")
                    .contains("1 incomplete upload holding 2.0 KiB will be aborted")
                    .contains("Then the bucket itself is deleted");
        });
        assertThat(outcomes).containsExactly(true);
        assertThat(results.results()).extracting(ItemResult::outcome)
                .containsOnly(DeleteOutcome.DELETED, DeleteOutcome.DELETE_MARKER_REMOVED).hasSize(3);
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("scratch"));
    }

    @Test
    void withoutConfirmationNothingIsTouched() {
        dialogs.confirm = false;

        start();

        assertThat(outcomes).containsExactly(false);
        assertThat(buckets.versionsOf("scratch", "build/app-1.0.zip")).hasSize(2);
        assertThat(new MultipartUploads(connection).listAll("scratch", "", new CancellationToken())).hasSize(1);
    }

    @Test
    void aKeyWrittenAfterThePlanStopsItBeforeDeleteBucketAndIsNamed() {
        dialogs.whileConfirming = c -> buckets.put("scratch", "late/é &<>.txt", "new");

        start();

        assertThat(outcomes).containsExactly(false);
        assertThat(dialogs.failures).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("BucketNotEmpty");
            assertThat(f.message()).contains("late/é &<>.txt");
        });
        assertThat(buckets.versionsOf("scratch", "late/é &<>.txt")).hasSize(1);
        assertThat(buckets.versionsOf("scratch", "build/app-1.0.zip")).isEmpty();
        assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals("scratch"));
    }
}
