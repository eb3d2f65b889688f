package org.bucketsweep.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.main.Theme;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.testing.FxThread;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The browser as a person uses it, headless, against a real server: folders, back, the filter and Ctrl+A, the name
 * prefix, versions with their counts, deleted keys, and a listing cancelled with Esc. Assertions read the rows the
 * table shows. Pages are 10 entries, and a proxy can hold the second page back, so that streaming can be watched.
 */
class ObjectBrowserViewUiTest {

    private static final String BUCKET = "shelf";
    private static final int PAGE = 10;

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FxRobot robot = new FxRobot();
    private final CountDownLatch secondPageAsked = new CountDownLatch(1);
    private final CountDownLatch secondPageMayGo = new CountDownLatch(1);
    private volatile boolean holdSecondPage;
    private ProxiedConnection wire;
    private TestBuckets buckets;
    private FxTaskRunner tasks;
    private ObjectBrowserViewModel model;
    private TableView<ListingEntry> table;

    @BeforeEach
    void start() throws Exception {
        wire = ProxiedConnection.to(server.getUri());
        wire.proxy().setPolicy(this::maybeHoldTheSecondPage);
        buckets = wire.buckets();
        buckets.versionedBucket(BUCKET);
        tasks = new FxTaskRunner();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model = new ObjectBrowserViewModel(tasks, new FakeDialogs());
            Scene scene = new Scene(new ObjectBrowserView(model), 1200, 600);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            model.connect(new BucketBrowser(wire.connection(), PAGE));
        });
        table = robot.lookup("#objectTable").queryTableView();
    }

    @AfterEach
    void close() throws Exception {
        secondPageMayGo.countDown();
        FxToolkit.cleanupStages();
        tasks.close();
        wire.close();
    }

    @Test
    void foldersFilterNamePrefixVersionsAndDeletedKeys() throws Exception {
        buckets.put(BUCKET, "docs/report.pdf", "one");
        buckets.put(BUCKET, "docs/report.pdf", "two!");
        buckets.put(BUCKET, "docs/old.txt", "12345");
        buckets.addDeleteMarker(BUCKET, "docs/old.txt");
        buckets.put(BUCKET, "docs/sub/x.txt", "x");
        buckets.put(BUCKET, "readme.md", "r");
        buckets.put(BUCKET, "notes.txt", "n");
        openBucket();
        assertThat(shownNames()).containsExactly("docs/", "notes.txt", "readme.md");

        // Enter, not a double click: on a loaded machine two clicks can arrive as two single clicks.
        robot.clickOn(row("docs/")).type(KeyCode.ENTER);
        waitUntilListed();
        // A plain listing leaves the deleted docs/old.txt out.
        assertThat(shownNames()).containsExactly("sub/", "report.pdf");
        assertThat(robot.lookup("#crumb1").queryAs(javafx.scene.control.Hyperlink.class).getText())
                .isEqualTo("docs");
        robot.clickOn("#back");
        waitUntilListed();
        assertThat(shownNames()).containsExactly("docs/", "notes.txt", "readme.md");

        // The filter narrows the loaded rows; Ctrl+A then selects exactly the rows shown.
        robot.clickOn("#browserFilter").write("t");
        assertThat(shownNames()).containsExactly("notes.txt");
        robot.clickOn(row("notes.txt")).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(FxThread.read(() -> List.copyOf(model.selection()))).extracting(ListingEntry::key)
                .containsExactly("notes.txt");
        assertThat(robot.lookup("#shownAndSelected").queryAs(Label.class).getText())
                .isEqualTo("1 of 3 shown · 1 selected");
        robot.clickOn("#browserFilter").type(KeyCode.ESCAPE);
        assertThat(shownNames()).containsExactly("docs/", "notes.txt", "readme.md");

        // The name prefix lists again, asking S3 only for keys that start with it.
        robot.clickOn("#forward");
        waitUntilListed();
        robot.clickOn("#namePrefix").write("rep").type(KeyCode.ENTER);
        waitUntilListed();
        assertThat(shownNames()).containsExactly("report.pdf");

        // Versions: the key's row carries its counts and noncurrent bytes, its versions follow.
        robot.clickOn("#showVersions");
        waitUntilListed();
        assertThat(shownNames()).containsExactly("report.pdf", "current version", "older version");
        TableRow<ListingEntry> report = row("report.pdf");
        assertThat(cellText(report, "Versions")).isEqualTo("1 current, 1 noncurrent");
        assertThat(cellText(report, "Noncurrent size")).isEqualTo("3 B");
        assertThat(cellText(report, "Size")).isEqualTo("4 B");

        // Deleted keys: only keys whose latest version is a delete marker (folders stay, to go deeper).
        robot.clickOn("#namePrefix").type(KeyCode.ESCAPE);
        waitUntilListed();
        robot.clickOn("#showDeleted");
        assertThat(shownNames()).containsExactly("sub/", "old.txt  (deleted)", "delete marker", "older version");
        assertThat(cellText(row("old.txt  (deleted)"), "Versions")).isEqualTo("1 noncurrent, 1 marker");
        assertThat(robot.lookup("#browserStatus").queryAs(Label.class).getText())
                .isEqualTo("1 folder, 2 keys (1 deleted), 3 versions, 1 delete marker");
        robot.clickOn(row("sub/")).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(FxThread.read(() -> model.selectedObjects().size())).isEqualTo(3);
        assertThat(robot.lookup("#shownAndSelected").queryAs(Label.class).getText())
                .isEqualTo("4 of 7 shown · 4 selected");

        robot.clickOn("#showVersions");
        waitUntilListed();
        assertThat(shownNames()).containsExactly("sub/", "report.pdf");
    }

    @Test
    void rowsShowWhileTheNextPageLoadsAndEscStopsTheListing() throws Exception {
        for (int i = 0; i < 25; i++) {
            buckets.put(BUCKET, String.format("k%02d.txt", i), "x");
        }
        holdSecondPage = true;
        openBucketWithoutWaiting();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxThread.read(() -> table.getItems().size()) == PAGE);
        assertThat(secondPageAsked.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownNames()).startsWith("k00.txt", "k01.txt");
        assertThat(robot.lookup("#browserStatus").queryAs(Label.class).getText()).isEqualTo("10 rows loaded…");
        assertThat(robot.lookup("#cancelListing").queryButton().isVisible()).isTrue();

        robot.clickOn(row("k03.txt")).type(KeyCode.ESCAPE);
        secondPageMayGo.countDown();

        assertThat(robot.lookup("#browserStatus").queryAs(Label.class).getText())
                .isEqualTo("Stopped after 10 rows (F5 lists again): 0 folders, 10 objects");
        assertThat(robot.lookup("#cancelListing").queryAs(Button.class).isVisible()).isFalse();
        assertThat(FxThread.read(() -> table.getItems().size())).isEqualTo(PAGE);
    }

    @Test
    void selectedRowsStaySelectedWhenALaterPageRevisesAKeysCounts() throws Exception {
        // 25 versions of one key fill pages of 10: its row shows at once and is revised by the next pages.
        for (int i = 0; i < 25; i++) {
            buckets.put(BUCKET, "g.txt", "g" + i);
        }
        holdSecondPage = true;
        robot.interact(() -> model.showVersionsProperty().set(true));
        openBucketWithoutWaiting();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxThread.read(() -> table.getItems().size()) == 1 + PAGE);
        assertThat(secondPageAsked.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellText(row("g.txt"), "Versions")).isEqualTo("1 current, 9 noncurrent");
        TableRow<ListingEntry> third = FxThread.read(() -> shownRows().get(3));
        ListingEntry thirdVersion = FxThread.read(third::getItem);

        robot.clickOn(row("g.txt")).press(KeyCode.CONTROL).clickOn(third).release(KeyCode.CONTROL);
        secondPageMayGo.countDown();
        waitUntilListed();

        assertThat(cellText(row("g.txt"), "Versions")).isEqualTo("1 current, 24 noncurrent");
        assertThat(FxThread.read(() -> List.copyOf(table.getSelectionModel().getSelectedItems())))
                .satisfiesExactly(
                        g -> assertThat(g).isInstanceOfSatisfying(KeyHistory.class,
                                k -> assertThat(k.total()).isEqualTo(25)),
                        version -> assertThat(version).isSameAs(thirdVersion));
        assertThat(FxThread.read(() -> model.selectedObjects())).hasSize(2);
    }

    private void openBucket() throws Exception {
        openBucketWithoutWaiting();
        waitUntilListed();
    }

    private void openBucketWithoutWaiting() {
        robot.interact(() -> model.open(new BucketSummary(BUCKET, null,
                new BucketVersioning(VersioningStatus.ENABLED, MfaDeleteStatus.DISABLED))));
    }

    private void waitUntilListed() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxThread.read(() -> model.loadingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The Name cells of the rows on screen, top to bottom. */
    private List<String> shownNames() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return FxThread.read(() -> shownRows().stream().map(r -> cellTextOnFx(r, "Name")).toList());
    }

    @SuppressWarnings("unchecked")
    private List<TableRow<ListingEntry>> shownRows() {
        return table.lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<ListingEntry>) n)
                .filter(r -> r.isVisible() && !r.isEmpty() && r.getItem() != null)
                .sorted(Comparator.comparingInt(TableRow::getIndex))
                .toList();
    }

    private TableRow<ListingEntry> row(String name) throws Exception {
        return FxThread.read(() -> shownRows().stream().filter(r -> name.equals(cellTextOnFx(r, "Name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row shows " + name)));
    }

    private String cellText(TableRow<ListingEntry> row, String column) throws Exception {
        return FxThread.read(() -> cellTextOnFx(row, column));
    }

    private static String cellTextOnFx(TableRow<ListingEntry> row, String column) {
        return row.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .map(TableCell::getText).findFirst().orElse(null);
    }


    private Fault maybeHoldTheSecondPage(RecordedRequest request) {
        boolean nextPage = request.hasQueryParameter("continuation-token") || request.hasQueryParameter("key-marker");
        if (holdSecondPage && nextPage && secondPageAsked.getCount() > 0) {
            secondPageAsked.countDown();
            try {
                secondPageMayGo.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Fault.pass();
    }
}
