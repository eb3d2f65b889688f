package org.bucketsweep.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A sorted table sorts a listing once it is complete, not row by row while it streams in. */
class ObjectBrowserViewSortTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FxRobot robot = new FxRobot();
    private final ListingThenFinish tasks = new ListingThenFinish();
    private S3Connection connection;
    private ObjectBrowserViewModel model;
    private TableView<ListingEntry> table;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void showBrowser() throws Exception {
        connection = S3Connection.open(TestBuckets.settings(server.getUri()));
        TestBuckets buckets = new TestBuckets(connection.client());
        buckets.plainBucket("sorted");
        for (String key : List.of("a.txt", "b.txt", "c.txt")) {
            buckets.put("sorted", key, key);
        }
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model = new ObjectBrowserViewModel(tasks, new FakeDialogs());
            ObjectBrowserView view = new ObjectBrowserView(model);
            table = (TableView<ListingEntry>) view.lookup("#objectTable");
            stage.setScene(new Scene(view, 800, 400));
            stage.show();
        });
        robot.interact(() -> model.connect(new BucketBrowser(connection)));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        connection.close();
    }

    @Test
    void keepsTheListingOrderWhileLoadingAndSortsWhenComplete() {
        robot.interact(() -> {
            TableColumn<ListingEntry, ?> name = table.getColumns().get(0);
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(name));
            model.open(new BucketSummary("sorted", null, null));
        });
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("a.txt", "b.txt", "c.txt");

        robot.interact(tasks::finish);

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("c.txt", "b.txt", "a.txt");
        assertThat(table.getSortOrder()).containsExactly(table.getColumns().get(0));
    }

    @Test
    void rowsSelectedWhileLoadingStaySelectedWhenTheTableSortsAndWhenItsSortIsCleared() {
        TableColumn<ListingEntry, ?> name = table.getColumns().get(0);
        robot.interact(() -> {
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(name));
            model.open(new BucketSummary("sorted", null, null));
            table.getSelectionModel().selectIndices(0, 2);
        });

        robot.interact(tasks::finish);

        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("c.txt", "b.txt", "a.txt");
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(ListingEntry::key)
                .containsExactlyInAnyOrder("a.txt", "c.txt");
        assertThat(model.selection()).extracting(ListingEntry::key).containsExactlyInAnyOrder("a.txt", "c.txt");

        robot.interact(() -> table.getSortOrder().clear());

        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("a.txt", "b.txt", "c.txt");
        assertThat(table.getSelectionModel().getSelectedIndices()).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void aSortedTableKeepsTheListingsOrderWhileRefreshingAndFollowsANewSortType() {
        TableColumn<ListingEntry, ?> name = table.getColumns().get(0);
        robot.interact(() -> {
            model.open(new BucketSummary("sorted", null, null));
            tasks.finish();
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(name));
        });
        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("c.txt", "b.txt", "a.txt");

        robot.interact(model::refresh);

        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("a.txt", "b.txt", "c.txt");

        robot.interact(tasks::finish);

        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("c.txt", "b.txt", "a.txt");
        robot.interact(() -> name.setSortType(TableColumn.SortType.ASCENDING));
        assertThat(table.getItems()).extracting(ListingEntry::key).containsExactly("a.txt", "b.txt", "c.txt");
    }

    /** Runs the listing at once, rows included, but holds back its completion until {@link #finish()}. */
    private static final class ListingThenFinish implements TaskRunner {
        private final List<Runnable> completions = new ArrayList<>();

        @Override
        public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<Throwable> onFailure) {
            try {
                T result = work.call();
                completions.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                completions.add(() -> onFailure.accept(e));
            }
        }

        @Override
        public Executor ui() {
            return Runnable::run;
        }

        void finish() {
            List<Runnable> pending = List.copyOf(completions);
            completions.clear();
            pending.forEach(Runnable::run);
        }
    }
}
