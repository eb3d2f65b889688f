package org.bucketsweep.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.browser.ObjectBrowserViewModel;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.connect.ConnectViewModel;
import org.bucketsweep.ui.delete.DeleteDialog;
import org.bucketsweep.ui.delete.DeleteDialogViewModel;
import org.bucketsweep.ui.dialog.DeleteDecision;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.dialog.FxDialogService;
import org.bucketsweep.ui.dialog.MfaAnswer;
import org.bucketsweep.ui.jobs.JobRow;
import org.bucketsweep.ui.testing.FxThread;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The delete workflow as a person drives it, headless, against a real S3 server behind a fault proxy: each intent
 * through the dialog to the results, a refused MFA code then a good one, cancelling from the jobs panel, export and
 * retry. Every test ends by reading the server.
 */
class DeleteWorkflowUiTest {

    private static final String BUCKET = "vers";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path journals;

    @TempDir
    Path exports;

    private final FxRobot robot = new FxRobot();
    private FxTaskRunner tasks;
    private MainViewModel model;
    private ProxiedConnection s3;
    private FaultProxy proxy;
    private TestBuckets buckets;
    private String a1;
    private String a2;
    private String a3;
    private String bMarker;

    @BeforeEach
    void start() throws Exception {
        s3 = ProxiedConnection.to(server.getUri());
        proxy = s3.proxy();
        buckets = s3.buckets();
        buckets.versionedBucket(BUCKET);
        a1 = buckets.put(BUCKET, "logs/a.log", "a one");
        a2 = buckets.put(BUCKET, "logs/a.log", "a two");
        a3 = buckets.put(BUCKET, "logs/a.log", "a three");
        buckets.put(BUCKET, "logs/b.log", "b one");
        bMarker = buckets.addDeleteMarker(BUCKET, "logs/b.log");
        buckets.put(BUCKET, "logs/c.log", "c one");
    }

    private void openWindow() throws TimeoutException {
        ConnectionSettings settings = TestBuckets.settings(proxy.uri());
        tasks = new FxTaskRunner();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            DialogService dialogs = new SavesExportsTo(new FxDialogService(() -> stage),
                    exports.resolve("results.csv"));
            model = new MainViewModel(tasks, dialogs, () -> settings, connected -> { }, journals);
            Scene scene = new Scene(new MainView(model), 1200, 800);
            Theme.apply(scene, model.darkThemeProperty());
            s.setScene(scene);
            s.show();
            model.connect(settings);
        });
        ListView<BucketSummary> bucketList = robot.lookup("#bucketList").queryListView();
        // Each bucket's status replaces its item and rebuilds its cell: click once they all have arrived.
        waitUntil(() -> !bucketList.getItems().isEmpty()
                && bucketList.getItems().stream().allMatch(BucketSummary::statusKnown));
        robot.clickOn(robot.lookup(".list-cell").match(node -> node.getScene() != null
                && node instanceof ListCell<?> cell && cell.getItem() instanceof BucketSummary b
                && b.name().equals(BUCKET)).queryAs(ListCell.class));
        TableView<ListingEntry> table = objectTable();
        waitUntil(() -> table.getItems().size() == 1);
        // Enter opens the folder, as a double click does (which a loaded machine can split into two clicks).
        robot.clickOn("logs/").type(KeyCode.ENTER);
        waitUntil(() -> !model.browser().loadingProperty().get()
                && table.getItems().stream().anyMatch(e -> isKey(e, "logs/a.log")));
    }

    @AfterEach
    void close() throws Exception {
        // A dialog left open by a failed test would block the next one.
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        FxToolkit.cleanupStages();
        if (model != null) {
            model.close();
            tasks.close();
        }
        s3.close();
    }

    @Test
    void exactlyTheSelectedRowsDeletesAVersionAndHidesAKey() throws Exception {
        openWindow();
        robot.clickOn("#showVersions");
        waitUntil(() -> objectTable().getItems().size() == 3 + 6);
        robot.clickOn(row(e -> isVersion(e, a1)));
        robot.press(KeyCode.CONTROL).clickOn(row(e -> isKey(e, "logs/c.log"))).release(KeyCode.CONTROL);

        robot.clickOn("#delete");
        assertThat(preview()).startsWith("1 version will be permanently deleted. 1 delete marker will be"
                + " added");
        // Counted in the background.
        waitUntil(() -> robot.lookup("#targetKeys").queryAs(RadioButton.class).getText()
                .equals("of the 2 selected keys"));
        confirmTyping(BUCKET);

        assertThat(finishedResults()).extracting(ItemResult::key, ItemResult::outcome).containsExactlyInAnyOrder(
                tuple("logs/a.log", DeleteOutcome.DELETED), tuple("logs/c.log", DeleteOutcome.DELETE_MARKER_CREATED));
        assertThat(buckets.versionsOf(BUCKET, "logs/a.log")).containsExactly(a3, a2);
        assertThat(buckets.markersOf(BUCKET, "logs/c.log")).hasSize(1);
    }

    @Test
    void allVersionsOfAKeyLeavesNothingOfIt() throws Exception {
        openWindow();
        robot.clickOn(row(e -> isKey(e, "logs/a.log")));

        robot.clickOn("#delete");
        robot.clickOn("#intentALL_VERSIONS");
        waitUntil(() -> text("#deleteSummary").startsWith("3 versions will be permanently deleted."));
        confirmTyping(BUCKET);

        assertThat(finishedResults()).extracting(ItemResult::versionId, ItemResult::outcome)
                .containsExactlyInAnyOrder(tuple(a1, DeleteOutcome.DELETED), tuple(a2, DeleteOutcome.DELETED),
                        tuple(a3, DeleteOutcome.DELETED));
        assertThat(buckets.versionsOf(BUCKET, "logs/a.log")).isEmpty();
        assertThat(buckets.currentKeys(BUCKET)).containsExactly("logs/c.log");
    }

    @Test
    void noncurrentVersionsUnderTheFolderKeepTheNewestOne() throws Exception {
        openWindow();

        robot.clickOn("#delete");
        robot.clickOn("#intentNONCURRENT");
        // The safe default keeps the newest noncurrent version of each key.
        assertThat(robot.lookup("#keepNewestEnabled").queryAs(CheckBox.class).isSelected()).isTrue();
        // logs/a.log keeps a3 (current) and a2 (newest noncurrent); logs/b.log's only version is noncurrent, kept.
        waitUntil(() -> text("#deleteSummary").startsWith("1 version will be permanently deleted."));
        confirmTyping(BUCKET);

        assertThat(finishedResults()).extracting(ItemResult::versionId).containsExactly(a1);
        assertThat(buckets.versionsOf(BUCKET, "logs/a.log")).containsExactly(a3, a2);
    }

    @Test
    void undeleteRemovesTheMarkerWithOneClick() throws Exception {
        openWindow();
        // A deleted key shows with its versions.
        robot.clickOn("#showVersions");
        waitUntil(() -> objectTable().getItems().size() == 3 + 6);
        robot.clickOn(row(e -> isKey(e, "logs/b.log")));

        robot.clickOn("#delete");
        robot.clickOn("#intentUNDELETE");
        waitUntil(() -> text("#deleteSummary").startsWith("1 delete marker will be removed"));
        robot.clickOn("#confirmDelete");

        assertThat(finishedResults()).extracting(ItemResult::versionId, ItemResult::outcome)
                .containsExactly(tuple(bMarker, DeleteOutcome.DELETE_MARKER_REMOVED));
        assertThat(buckets.markersOf(BUCKET, "logs/b.log")).isEmpty();
        assertThat(buckets.currentKeys(BUCKET)).contains("logs/b.log");
    }

    @Test
    void aRefusedMfaCodeIsAskedForAgainAndTheNextOneDeletes() throws Exception {
        proxy.setPolicy(request -> {
            if (request.method().equals("GET") && request.hasQueryParameter("versioning")) {
                return Fault.xml("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Status>Enabled</Status><MfaDelete>Enabled</MfaDelete></VersioningConfiguration>");
            }
            boolean wrongCode = request.header("x-amz-mfa").map(v -> v.endsWith(" 111111")).orElse(false);
            return wrongCode ? Fault.status(403, "AccessDenied", "Access Denied") : Fault.pass();
        });
        openWindow();
        // The statuses arrive after the names; the delete must know the bucket needs a code.
        waitUntil(() -> model.buckets().selectedProperty().get().versioningOrUnknown().mfaDelete()
                == MfaDeleteStatus.ENABLED);
        robot.clickOn("#showVersions");
        waitUntil(() -> objectTable().getItems().size() == 3 + 6);
        robot.clickOn(row(e -> isVersion(e, a1)));

        robot.clickOn("#delete");
        confirmTyping(BUCKET);
        waitUntil(() -> robot.lookup("#mfaCode").tryQuery().isPresent());
        robot.clickOn("#mfaSerial").write("arn:aws:iam::123456789012:mfa/ops");
        // The code field takes digits only, six at most.
        robot.clickOn("#mfaCode").write("1a1b11-1111");
        assertThat(robot.lookup("#mfaCode").queryTextInputControl().getText()).isEqualTo("111111");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#mfaRefused").tryQuery().isPresent());
        assertThat(text("#mfaRefused")).contains("refused");
        assertThat(robot.lookup("#mfaSerial").queryTextInputControl().getText())
                .isEqualTo("arn:aws:iam::123456789012:mfa/ops");
        robot.clickOn("#mfaCode").write("222222").type(KeyCode.ENTER);

        assertThat(finishedResults()).extracting(ItemResult::outcome).containsExactly(DeleteOutcome.DELETED);
        assertThat(s3.deleteObjectsRequests()).extracting(r -> r.header("x-amz-mfa").orElse(null))
                .containsExactly("arn:aws:iam::123456789012:mfa/ops 111111",
                        "arn:aws:iam::123456789012:mfa/ops 222222");
        assertThat(buckets.versionsOf(BUCKET, "logs/a.log")).containsExactly(a3, a2);
    }

    @Test
    void cancellingFromTheJobsPanelLeavesTheRestNotAttemptedAndOnTheServer() throws Exception {
        IntStream.range(0, 120).forEach(i -> buckets.put(BUCKET, String.format("logs/bulk/%03d", i), "x"));
        // The first request is answered at once; the next ones wait until the person has pressed Cancel.
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger deletes = new AtomicInteger();
        proxy.setPolicy(request -> {
            if (request.hasQueryParameter("delete") && deletes.incrementAndGet() > 1) {
                try {
                    cancelled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Fault.pass();
        });
        openWindow();

        robot.clickOn("#delete");
        robot.clickOn("#intentALL_VERSIONS");
        robot.clickOn("#targetFolder");
        waitUntil(() -> text("#deleteSummary").startsWith("125 versions will be permanently deleted. 1 delete marker"));
        robot.clickOn("#advanced");
        Spinner<?> batchSize = robot.lookup("#batchSize").queryAs(Spinner.class);
        robot.interact(() -> batchSize.getEditor().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("10").type(KeyCode.TAB);
        assertThat(batchSize.getValue()).isEqualTo(10);
        confirmTyping(BUCKET);
        waitUntil(() -> !model.results().results().isEmpty());
        robot.clickOn("Jobs");
        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryTableView();
        JobRow job = jobs.getItems().get(0);
        robot.interact(() -> jobs.getSelectionModel().select(job));
        assertThat(jobs.getItems().get(0).stateProperty().get()).isEqualTo(JobRow.State.RUNNING);
        assertThat(text("#statusJobs")).isEqualTo("1 job running");
        robot.clickOn("#cancelJob");
        waitUntil(() -> jobs.getItems().get(0).stateProperty().get() == JobRow.State.CANCELLING);
        assertThat(robot.lookup("#cancelJob").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#openJob").queryButton().isDisabled()).isTrue();
        cancelled.countDown();

        List<ItemResult> results = finishedResults();
        int deleted = (int) results.stream().filter(r -> r.outcome().succeeded()).count();
        List<String> notAttempted = results.stream().filter(r -> r.outcome() == DeleteOutcome.NOT_ATTEMPTED)
                .map(ItemResult::key).toList();
        assertThat(results).hasSize(126);
        assertThat(deleted + notAttempted.size()).isEqualTo(126);
        assertThat(notAttempted).isNotEmpty();
        assertThat(s3.deleteObjectsRequests()).allSatisfy(r -> assertThat(r.bodyAsString().split("<Object>"))
                .hasSizeLessThanOrEqualTo(11));
        assertThat(jobs.getItems().get(0).stateProperty().get()).isEqualTo(JobRow.State.PROBLEMS);
        // The job stayed selected while it ended: its results can be opened now.
        assertThat(robot.lookup("#openJob").queryButton().isDisabled()).isFalse();
        // What was not attempted is still there, down to the version.
        long remaining = notAttempted.stream().filter(k -> k.startsWith("logs/bulk/"))
                .filter(k -> !buckets.versionsOf(BUCKET, k).isEmpty()).count();
        assertThat(remaining).isEqualTo(notAttempted.stream().filter(k -> k.startsWith("logs/bulk/")).count());
        assertThat(buckets.currentKeys(BUCKET)).hasSizeGreaterThanOrEqualTo(
                (int) notAttempted.stream().filter(k -> k.startsWith("logs/bulk/")).count());
    }

    @Test
    void exportWritesEveryRowToTheChosenFile() throws Exception {
        openWindow();
        robot.clickOn(row(e -> isKey(e, "logs/c.log")));
        robot.clickOn("#delete");
        robot.clickOn("#confirmDelete");
        List<ItemResult> results = finishedResults();

        robot.clickOn("#exportResults");
        Path csv = exports.resolve("results.csv");
        waitUntil(() -> model.results().exportStatusProperty().get().startsWith("Exported"));

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("key,versionId,outcome,deleteMarkerVersionId");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("logs/c.log,,DELETE_MARKER_CREATED," + results.get(0)
                .deleteMarkerVersionId());
    }

    @Test
    void retryFailedOffersOnlyTheFailuresAndDeletesThemOnConfirmation() throws Exception {
        proxy.setPolicy(Fault.firstN(1, r -> r.hasQueryParameter("delete"),
                Fault.status(403, "AccessDenied", "Access Denied")));
        openWindow();
        robot.clickOn("#showVersions");
        waitUntil(() -> objectTable().getItems().size() == 3 + 6);
        robot.clickOn(row(e -> isVersion(e, a1)));
        robot.press(KeyCode.CONTROL).clickOn(row(e -> isVersion(e, a2))).release(KeyCode.CONTROL);
        robot.clickOn("#delete");
        confirmTyping(BUCKET);
        assertThat(finishedResults()).extracting(ItemResult::outcome).containsOnly(DeleteOutcome.FAILED);
        assertThat(text("#resultCounts")).isEqualTo("2 of 2 items · Failed: 2");

        robot.clickOn("#retryFailed");
        assertThat(preview()).startsWith("2 versions will be permanently deleted.");
        confirmTyping(BUCKET);

        assertThat(finishedResults()).extracting(ItemResult::versionId, ItemResult::outcome)
                .containsExactlyInAnyOrder(tuple(a1, DeleteOutcome.DELETED), tuple(a2, DeleteOutcome.DELETED));
        assertThat(buckets.versionsOf(BUCKET, "logs/a.log")).containsExactly(a3);
    }

    private void confirmTyping(String bucketName) {
        robot.clickOn("#typedBucketName").write(bucketName);
        robot.clickOn("#confirmDelete");
    }

    /** Waits for the job to end and returns its rows as the table has them. */
    private List<ItemResult> finishedResults() throws Exception {
        waitUntil(() -> !model.results().runningProperty().get() && !model.results().results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ItemResult> table = robot.lookup("#resultsTable").queryTableView();
        return FxThread.read(() -> List.copyOf(table.getItems()));
    }

    /** The delete dialog's summary once its plan is made. */
    private String preview() throws TimeoutException {
        waitUntil(() -> robot.lookup("#deleteSummary").tryQuery().isPresent());
        waitUntil(() -> !text("#deleteSummary").isEmpty() && !text("#deleteSummary").equals(DeleteDialog.PLANNING));
        return text("#deleteSummary");
    }

    private TableView<ListingEntry> objectTable() {
        return robot.lookup("#objectTable").queryTableView();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        FxThread.waitUntil(20, condition);
    }

    private static boolean isVersion(ListingEntry entry, String versionId) {
        return entry instanceof ObjectVersion v && versionId.equals(v.versionId());
    }

    private static boolean isKey(ListingEntry entry, String key) {
        return ObjectBrowserViewModel.isKeyRow(entry) && entry.key().equals(key);
    }

    @SuppressWarnings("unchecked")
    private TableRow<ListingEntry> row(Predicate<ListingEntry> match) {
        return robot.lookup(".table-row-cell")
                .match(node -> node instanceof TableRow<?> r && r.getItem() instanceof ListingEntry e
                        && match.test(e))
                .query();
    }

    /** The real dialogs, except that "Export…" saves to a fixed file instead of showing a file chooser. */
    private record SavesExportsTo(DialogService dialogs, Path file) implements DialogService {
        @Override
        public Optional<DeleteDecision> askDelete(DeleteDialogViewModel deleteDialog) {
            return dialogs.askDelete(deleteDialog);
        }

        @Override
        public Optional<MfaAnswer> askMfaCode(MfaRequest request, String rememberedSerial) {
            return dialogs.askMfaCode(request, rememberedSerial);
        }

        @Override
        public Optional<String> askRoleMfaCode(String profile, String mfaSerial) {
            return dialogs.askRoleMfaCode(profile, mfaSerial);
        }

        @Override
        public Optional<ConnectionSettings> askConnection(ConnectViewModel form) {
            return dialogs.askConnection(form);
        }

        @Override
        public Optional<Path> askExportFile(String suggestedName) {
            return Optional.of(file);
        }

        @Override
        public boolean confirm(Confirmation confirmation) {
            return dialogs.confirm(confirmation);
        }

        @Override
        public void showFailure(String title, S3Failure failure, Throwable error) {
            dialogs.showFailure(title, failure, error);
        }
    }
}
