package org.bucketsweep.ui.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's delete, conditional on the previewed ETags: an object overwritten while the delete dialog is open
 * stays and its row says so; a server rejecting the ETags is asked about once (declined: nothing deleted).
 */
class ConditionalDeleteWorkflowTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path journals;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final ResultsViewModel results = new ResultsViewModel(new DirectTaskRunner(), dialogs);
    private DeleteWorkflow workflow;
    private ProxiedConnection s3;
    private TestBuckets buckets;

    @BeforeEach
    void connect() throws Exception {
        workflow = new DeleteWorkflow(new DirectTaskRunner(), dialogs, results,
                new JobsViewModel(new DirectTaskRunner(), journals), journals);
        s3 = ProxiedConnection.to(server.getUri());
        buckets = s3.buckets();
        buckets.plainBucket("plain");
        buckets.put("plain", "a.txt", "a");
        buckets.put("plain", "b.txt", "b");
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void anObjectOverwrittenWhileTheDialogIsOpenStaysAndItsRowSaysWhy() {
        dialogs.fillIn = model -> buckets.put("plain", "b.txt", "b, written while the dialog was open");

        start();

        assertThat(dialogs.deleteDialogs.get(0).conditionalText())
                .startsWith("2 current objects are deleted only if unchanged since this preview");
        assertThat(results.results()).extracting(ItemResult::key, ItemResult::outcome, ItemResult::errorCode)
                .containsExactlyInAnyOrder(tuple("a.txt", DeleteOutcome.DELETED, null),
                        tuple("b.txt", DeleteOutcome.FAILED, "PreconditionFailed"));
        assertThat(results.results()).filteredOn(r -> r.key().equals("b.txt")).singleElement()
                .satisfies(r -> assertThat(r.errorMessage()).contains("Changed since the preview"));
        assertThat(buckets.currentKeys("plain")).containsExactly("b.txt");
        assertThat(dialogs.confirmations).isEmpty();
    }

    @Test
    void aServerRejectingTheETagsIsAskedOnceAndDeclinedDeletesNothing() {
        rejectETags();
        dialogs.confirmAnswers.add(false);

        start();

        assertThat(dialogs.confirmations).singleElement().satisfies(c -> {
            assertThat(c.header()).contains("cannot delete only what was previewed");
            assertThat(c.details()).contains("MalformedXML");
            assertThat(c.action()).isEqualTo("Delete without the check");
        });
        assertThat(results.results()).hasSize(2).noneMatch(r -> r.outcome().succeeded());
        assertThat(buckets.currentKeys("plain")).containsExactlyInAnyOrder("a.txt", "b.txt");
    }

    @Test
    void aServerRejectingTheETagsIsAskedOnceAndAcceptedDeletesEverything() {
        rejectETags();
        dialogs.confirmAnswers.add(true);

        start();

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(results.results()).extracting(ItemResult::outcome)
                .containsExactly(DeleteOutcome.DELETED, DeleteOutcome.DELETED);
        assertThat(buckets.currentKeys("plain")).isEmpty();
    }

    private void rejectETags() {
        AtomicInteger rejected = new AtomicInteger();
        s3.proxy().setPolicy(r -> r.hasQueryParameter("delete") && r.bodyAsString().contains("<ETag>")
                && rejected.incrementAndGet() < 50
                ? Fault.status(400, "MalformedXML", "The XML you provided was not well-formed.")
                : Fault.pass());
    }

    /** Selects every listed object in the browser's way (rows with their ETags) and deletes them. */
    private void start() {
        BucketBrowser browser = new BucketBrowser(s3.connection());
        List<ObjectVersion> rows = new ArrayList<>();
        browser.listAllCurrent("plain", "", page -> page.entries().forEach(e -> rows.add((ObjectVersion) e)),
                new CancellationToken());
        BucketSummary bucket = new BucketSummary("plain", null,
                new BucketVersioning(VersioningStatus.NEVER_ENABLED, MfaDeleteStatus.DISABLED));
        boolean started = workflow.start(new BatchDeleter(s3.connection()), new DeletePlanner(browser),
                "test endpoint", bucket, "", rows, () -> { });
        assertThat(started).isTrue();
    }
}
