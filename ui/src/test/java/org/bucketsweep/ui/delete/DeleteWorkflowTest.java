package org.bucketsweep.ui.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.journal.JournalEntry;
import org.bucketsweep.model.journal.JournalReader;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.dialog.MfaAnswer;
import org.bucketsweep.ui.jobs.JobRow;
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

/** The delete workflow's logic without a window, against a real server behind a recording proxy. */
class DeleteWorkflowTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path journals;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final ResultsViewModel results = new ResultsViewModel(new DirectTaskRunner(), dialogs);
    private JobsViewModel jobs;
    private DeleteWorkflow workflow;
    private ProxiedConnection s3;
    private FaultProxy proxy;
    private S3Connection connection;
    private TestBuckets buckets;
    private int finished;

    @BeforeEach
    void connect() throws Exception {
        jobs = new JobsViewModel(new DirectTaskRunner(), journals);
        workflow = new DeleteWorkflow(new DirectTaskRunner(), dialogs, results, jobs, journals);
        s3 = ProxiedConnection.to(server.getUri());
        proxy = s3.proxy();
        connection = s3.connection();
        buckets = s3.buckets();
        buckets.versionedBucket("vers");
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void declinedConfirmationDeletesNothing() {
        String v1 = buckets.put("vers", "a", "1");
        dialogs.confirm = false;

        boolean started = start(bucket(MfaDeleteStatus.DISABLED), List.of(version("a", v1)));

        assertThat(started).isFalse();
        assertThat(results.results()).isEmpty();
        assertThat(buckets.versionsOf("vers", "a")).containsExactly(v1);
        assertThat(proxy.requests()).noneMatch(r -> r.hasQueryParameter("delete"));
    }

    @Test
    void mfaBucketAsksForACodeAndRemembersTheSerialButNotTheCode() {
        String v1 = buckets.put("vers", "a", "1");
        String v2 = buckets.put("vers", "b", "1");
        dialogs.mfaAnswers.add(new MfaAnswer("SERIAL-1", "123456"));

        start(bucket(MfaDeleteStatus.ENABLED), List.of(version("a", v1)));
        dialogs.mfaAnswers.add(new MfaAnswer("SERIAL-1", "654321"));
        start(bucket(MfaDeleteStatus.ENABLED), List.of(version("b", v2)));

        assertThat(dialogs.deleteDialogs.get(0).mfaRequired()).isTrue();
        assertThat(dialogs.rememberedSerials).containsExactly("", "SERIAL-1");
        assertThat(proxy.requests()).filteredOn(r -> r.hasQueryParameter("delete"))
                .extracting(r -> r.header("x-amz-mfa").orElse(null))
                .containsExactly("SERIAL-1 123456", "SERIAL-1 654321");
        assertThat(results.results()).extracting(ItemResult::outcome).containsExactly(DeleteOutcome.DELETED);
        assertThat(finished).isEqualTo(2);
    }

    @Test
    void cancellingTheMfaDialogLeavesEveryItemNotAttempted() {
        String v1 = buckets.put("vers", "a", "1");

        start(bucket(MfaDeleteStatus.ENABLED), List.of(version("a", v1), current("b")));

        assertThat(results.results()).extracting(ItemResult::key, ItemResult::outcome).containsExactly(
                tuple("a", DeleteOutcome.NOT_ATTEMPTED), tuple("b", DeleteOutcome.NOT_ATTEMPTED));
        assertThat(results.count(DeleteOutcome.NOT_ATTEMPTED)).isEqualTo(2);
        assertThat(results.runningProperty().get()).isFalse();
        assertThat(buckets.versionsOf("vers", "a")).containsExactly(v1);
    }

    @Test
    void resultsCanBeFilteredByOutcome() {
        String v1 = buckets.put("vers", "a", "1");
        buckets.put("vers", "a", "2");

        start(bucket(MfaDeleteStatus.DISABLED), List.of(version("a", v1), current("c")));
        results.outcomeFilterProperty().set(DeleteOutcome.DELETE_MARKER_CREATED);

        assertThat(results.visibleResults()).extracting(ItemResult::key).containsExactly("c");
        assertThat(results.countsTextProperty().get())
                .isEqualTo("2 of 2 items · Deleted: 1 · Delete marker created: 1");
        results.outcomeFilterProperty().set(null);
        results.textFilterProperty().set("A");
        assertThat(results.visibleResults()).extracting(ItemResult::key).containsExactly("a");
    }

    @Test
    void everyJobLeavesAFinishedJournalAndItsResultsExport() throws Exception {
        String v1 = buckets.put("vers", "a", "1");

        start(bucket(MfaDeleteStatus.DISABLED), List.of(version("a", v1), current("b")));

        List<JournalEntry> entries = JournalReader.list(journals);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.finished()).isTrue();
            assertThat(entry.header().bucket()).isEqualTo("vers");
            assertThat(entry.count(DeleteOutcome.DELETED)).isEqualTo(1);
            assertThat(entry.count(DeleteOutcome.DELETE_MARKER_CREATED)).isEqualTo(1);
        });
        Path csv = journals.resolve("out.csv");
        results.export(csv);
        assertThat(Files.readAllLines(csv)).hasSize(3).anySatisfy(line -> assertThat(line).startsWith("a," + v1));
        assertThat(results.exportStatusProperty().get()).startsWith("Exported 2 rows");
    }

    @Test
    void theJobsPanelFollowsTheJobAndKeepsItInTheHistory() {
        String v1 = buckets.put("vers", "a", "1");
        buckets.put("vers", "a", "2");
        List<JobRow> opened = new ArrayList<>();
        jobs.setOnOpen(opened::add);

        start(bucket(MfaDeleteStatus.DISABLED), List.of(version("a", v1), current("c")));

        JobRow row = jobs.jobs().get(0);
        assertThat(jobs.jobs()).hasSize(1);
        assertThat(row.stateProperty().get()).isEqualTo(JobRow.State.DONE);
        assertThat(row.doneTextProperty().get()).isEqualTo("2 of 2");
        assertThat(row.fractionProperty().get()).isEqualTo(1.0);
        assertThat(row.outcomesTextProperty().get()).isEqualTo("Deleted: 1 · Delete marker created: 1");
        assertThat(row.inFlightProperty().get()).isZero();
        assertThat(row.limitProperty().get()).as("requests in flight the engine allowed").isPositive();
        assertThat(row.intent()).isEqualTo("Delete 2 selected items");
        assertThat(jobs.activeProperty().get()).isZero();
        assertThat(jobs.activeTextProperty().get()).isEmpty();
        assertThat(jobs.noticeProperty().get()).satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("Done: Delete 2 selected items in vers");
            assertThat(notice.problems()).isFalse();
            assertThat(notice.text()).startsWith("Deleted: 1 · Delete marker created: 1 — in ");
        });

        // The history read from the journals has the same job once, and opening it reads its journal.
        jobs.loadHistory();
        assertThat(jobs.jobs()).singleElement().isSameAs(row);
        jobs.selectedProperty().set(row);
        assertThat(jobs.canOpenSelectedProperty().get()).isTrue();
        assertThat(jobs.canCancelSelectedProperty().get()).isFalse();
        jobs.open(row);
        assertThat(opened).containsExactly(row);
        assertThat(row.journalProperty().get()).isEqualTo(JournalReader.list(journals).get(0).path());

        // A new view of the history (the next start of the app) lists the past job from its journal.
        JobsViewModel nextRun = new JobsViewModel(new DirectTaskRunner(), journals);
        nextRun.loadHistory();
        assertThat(nextRun.jobs()).singleElement().satisfies(past -> {
            assertThat(past.jobId()).isEqualTo(row.jobId());
            assertThat(past.stateProperty().get()).isEqualTo(JobRow.State.DONE);
            assertThat(past.outcomesTextProperty().get()).isEqualTo("Deleted: 1 · Delete marker created: 1");
        });
    }

    @Test
    void aJobWithFailuresSaysSoInItsNotice() {
        buckets.put("vers", "b", "1");
        proxy.setPolicy(r -> r.hasQueryParameter("delete")
                ? FaultProxy.Fault.status(403, "AccessDenied", "Access Denied") : FaultProxy.Fault.pass());

        start(bucket(MfaDeleteStatus.DISABLED), List.of(current("b")));

        assertThat(jobs.jobs().get(0).stateProperty().get()).isEqualTo(JobRow.State.PROBLEMS);
        assertThat(jobs.noticeProperty().get().problems()).isTrue();
        assertThat(jobs.noticeProperty().get().text()).contains("Failed: 1", "retry");
    }

    @Test
    void retryOffersOnlyFailedAndNotAttemptedItems() {
        String v1 = buckets.put("vers", "a", "1");
        buckets.put("vers", "b", "1");
        proxy.setPolicy(r -> r.hasQueryParameter("delete") && r.bodyAsString().contains("<Key>b</Key>")
                ? FaultProxy.Fault.status(403, "AccessDenied", "Access Denied") : FaultProxy.Fault.pass());

        start(bucket(MfaDeleteStatus.DISABLED), List.of(version("a", v1), current("b")));

        assertThat(results.retryItems()).containsExactly(VersionRef.current("b"));
        assertThat(results.canRetryProperty().get()).isTrue();
    }

    @Test
    void noncurrentIntentFromTheDialogDeletesOnlyOlderVersions() {
        String v1 = buckets.put("vers", "logs/a", "1");
        String v2 = buckets.put("vers", "logs/a", "2");
        String v3 = buckets.put("vers", "logs/a", "3");
        dialogs.fillIn = model -> {
            model.intentProperty().set(DeleteDialogViewModel.Intent.NONCURRENT);
            model.targetProperty().set(DeleteDialogViewModel.Target.FOLDER);
            model.keepNewestProperty().set(1);
        };

        start(bucket(MfaDeleteStatus.DISABLED), List.of());

        DeleteDialogViewModel dialog = dialogs.deleteDialogs.get(0);
        assertThat(dialog.planProperty().get().preview().summary())
                .isEqualTo("1 version will be permanently deleted.");
        assertThat(results.results()).extracting(ItemResult::versionId).containsExactly(v1);
        assertThat(buckets.versionsOf("vers", "logs/a")).containsExactly(v3, v2);
    }

    @Test
    void permanentDeletesCannotBeConfirmedWithoutTheBucketName() {
        String v1 = buckets.put("vers", "a", "1");
        DeleteDialogViewModel model = new DeleteDialogViewModel(new DirectTaskRunner(),
                new DeletePlanner(new BucketBrowser(connection)), bucket(MfaDeleteStatus.DISABLED), "",
                List.of(version("a", v1)));

        assertThat(model.canConfirmProperty().get()).isFalse();
        model.typedBucketNameProperty().set("ver");
        assertThat(model.decision()).isEmpty();
        model.typedBucketNameProperty().set("vers");
        assertThat(model.decision()).isPresent();
    }

    @Test
    void addingDeleteMarkersNeedsOnlyOneClick() {
        DeleteDialogViewModel model = new DeleteDialogViewModel(new DirectTaskRunner(),
                new DeletePlanner(new BucketBrowser(connection)), bucket(MfaDeleteStatus.DISABLED), "",
                List.of(current("a")));

        assertThat(model.planProperty().get().preview().permanent()).isFalse();
        assertThat(model.canConfirmProperty().get()).isTrue();
    }

    private boolean start(BucketSummary bucket, List<ObjectVersion> rows) {
        return workflow.start(new BatchDeleter(connection), new DeletePlanner(new BucketBrowser(connection)),
                "test endpoint", bucket, "", rows, () -> finished++);
    }

    private static BucketSummary bucket(MfaDeleteStatus mfa) {
        return new BucketSummary("vers", null, new BucketVersioning(VersioningStatus.ENABLED, mfa));
    }

    private static ObjectVersion version(String key, String versionId) {
        return new ObjectVersion(key, versionId, false, false, 1, null);
    }

    private static ObjectVersion current(String key) {
        return new ObjectVersion(key, null, true, false, 1, null);
    }
}
