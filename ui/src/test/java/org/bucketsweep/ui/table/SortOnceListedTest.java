package org.bucketsweep.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumn.SortType;
import javafx.scene.control.TableView;
import org.bucketsweep.ui.testing.HeldTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A big table sorts in the background and shows exactly its rows, in the order JavaFX itself would sort them. */
class SortOnceListedTest {

    private record Row(String name, long size) {
    }

    /** Up to this many rows are sorted at once, so that the tests' three or four rows are sorted in the background. */
    private static final int SORT_AT_ONCE = 2;

    private final FxRobot robot = new FxRobot();
    private final HeldTaskRunner tasks = new HeldTaskRunner();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(false);
    private TableView<Row> table;
    private SortOnceListed<Row> sort;
    private TableColumn<Row, String> name;
    private TableColumn<Row, Long> size;

    @BeforeEach
    void showTable() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            table = new TableView<>();
            table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            name = new TableColumn<>("Name");
            name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
            name.setComparator(String::compareTo);
            size = new TableColumn<>("Size");
            size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
            table.getColumns().addAll(List.of(name, size));
            sort = SortOnceListed.install(table, rows, loading, tasks, SORT_AT_ONCE);
            stage.setScene(new Scene(table, 600, 400));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aHeaderClickKeepsTheOrderShownUntilTheBackgroundSortIsDoneAndTheSelection() {
        Label notice = BackgroundWorkNotice.of(new SimpleBooleanProperty(false), sort.sortingProperty());
        robot.interact(() -> {
            rows.setAll(row("b", 2), row("c", 3), row("a", 1));
            table.getSelectionModel().selectIndices(0, 2);
            sortBy(size, SortType.DESCENDING);
        });
        assertThat(names()).containsExactly("b", "c", "a");
        assertThat(tasks.held()).isEqualTo(1);
        assertThat(notice.isVisible()).isTrue();

        robot.interact(tasks::completeAll);

        assertThat(names()).containsExactly("c", "b", "a");
        assertThat(notice.isVisible()).isFalse();
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Row::name)
                .containsExactlyInAnyOrder("b", "a");
        assertThat(table.getSortOrder()).containsExactly(size);
    }

    @Test
    void aFewRowsAreSortedAtOnce() {
        robot.interact(() -> {
            rows.setAll(row("a", 1), row("b", 2));
            sortBy(size, SortType.DESCENDING);
        });

        assertThat(names()).containsExactly("b", "a");
        assertThat(tasks.held()).isZero();
        assertThat(sort.sortingProperty().get()).isFalse();
    }

    @Test
    void sortsInTheOrderOfTheTablesOwnComparatorOverSeveralColumnsAndTies() {
        Random random = new Random(7);
        List<Row> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(row("key-" + random.nextInt(300), random.nextInt(20)));
        }
        List<Row> expected = new ArrayList<>();
        robot.interact(() -> {
            rows.setAll(many);
            size.setSortType(SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(size, name));
            expected.addAll(many.stream().sorted(table.getComparator()).toList());
            tasks.completeAll();
        });

        assertThat(table.getItems()).containsExactlyElementsOf(expected);
    }

    @Test
    void rowsRemovedOrAddedAfterTheSortAreTakenOutAndPutInPlaceAtOnce() {
        Row gone = row("b", 2);
        robot.interact(() -> {
            rows.setAll(gone, row("d", 4), row("a", 1));
            sortBy(name, SortType.ASCENDING);
            tasks.completeAll();
        });
        assertThat(names()).containsExactly("a", "b", "d");

        robot.interact(() -> {
            rows.remove(gone);
            rows.add(row("c", 3));
        });

        assertThat(names()).containsExactly("a", "c", "d");
        assertThat(tasks.held()).isZero();
    }

    @Test
    void manyRowsAddedAfterTheSortShowAtOnceAndTakeTheirPlaceWhenSortedAgain() {
        robot.interact(() -> {
            rows.setAll(row("m", 0));
            sortBy(name, SortType.DESCENDING);
            tasks.completeAll();
        });
        List<Row> added = new ArrayList<>();
        for (int i = 0; i < SortOnceListed.PUT_IN_PLACE + 1; i++) {
            added.add(row(String.format("a%04d", i), i));
        }

        robot.interact(() -> rows.addAll(added));

        assertThat(table.getItems()).hasSize(added.size() + 1).first().extracting(Row::name).isEqualTo("m");
        assertThat(tasks.held()).isEqualTo(1);
        robot.interact(tasks::completeAll);
        assertThat(table.getItems().get(1).name()).isEqualTo(String.format("a%04d", added.size() - 1));
        assertThat(table.getItems().get(added.size()).name()).isEqualTo("a0000");
    }

    @Test
    void aRowRemovedWhileASortIsUnderWayNeverComesBack() {
        Row gone = row("b", 2);
        robot.interact(() -> {
            rows.setAll(row("c", 3), gone, row("a", 1), row("d", 4));
            sortBy(name, SortType.ASCENDING);
            tasks.completeAll();
            sortBy(size, SortType.DESCENDING);
        });
        assertThat(tasks.held()).isEqualTo(1);

        robot.interact(() -> rows.remove(gone));

        assertThat(names()).containsExactly("a", "c", "d");
        // The sort started before the removal ends last, and is dropped.
        robot.interact(tasks::completeNewestFirst);
        assertThat(names()).containsExactly("d", "c", "a");
    }

    @Test
    void aSortThatEndsAfterTheSortOrderWasClearedIsDropped() {
        robot.interact(() -> {
            rows.setAll(row("b", 2), row("c", 3), row("a", 1));
            sortBy(name, SortType.ASCENDING);
            table.getSortOrder().clear();
            tasks.completeAll();
        });

        assertThat(table.getItems()).isSameAs(rows);
        assertThat(names()).containsExactly("b", "c", "a");
        assertThat(sort.sortingProperty().get()).isFalse();
    }

    @Test
    void aSortThatFailsLeavesTheTableInItsOrder() {
        TableColumn<Row, String> broken = new TableColumn<>("Broken");
        broken.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        broken.setComparator((a, b) -> {
            throw new IllegalStateException("no order");
        });
        robot.interact(() -> {
            table.getColumns().add(broken);
            rows.setAll(row("b", 2), row("c", 3), row("a", 1));
            table.getSortOrder().setAll(List.of(broken));
            tasks.completeAll();
        });

        assertThat(names()).containsExactly("b", "c", "a");
        assertThat(sort.sortingProperty().get()).isFalse();
    }

    @Test
    void afterABigChangeTheFewRowsLeftAreSortedAtOnce() {
        robot.interact(() -> {
            rows.setAll(numbered(SortOnceListed.EDIT_IN + 1));
            sortBy(name, SortType.DESCENDING);
            tasks.completeAll();
        });

        robot.interact(() -> rows.setAll(row("a", 1), row("b", 2)));

        assertThat(names()).containsExactly("b", "a");
        assertThat(tasks.held()).isZero();
    }

    @Test
    void afterABigChangeTheManyRowsLeftShowUnsortedUntilTheBackgroundSortIsDone() {
        List<Row> many = numbered(SortOnceListed.EDIT_IN + 1);
        robot.interact(() -> {
            rows.setAll(row("a", 1));
            sortBy(name, SortType.DESCENDING);
            tasks.completeAll();
        });

        robot.interact(() -> rows.setAll(many));

        assertThat(table.getItems()).isSameAs(rows);
        assertThat(tasks.held()).isEqualTo(1);
        robot.interact(tasks::completeAll);
        assertThat(table.getItems()).hasSize(many.size()).isNotSameAs(rows);
        assertThat(table.getItems().get(0)).isSameAs(many.get(many.size() - 1));
        assertThat(table.getItems().get(many.size() - 1)).isSameAs(many.get(0));
    }

    @Test
    void whileRowsLoadTheTableShowsThemAsTheyArriveAndSortsNothing() {
        robot.interact(() -> {
            loading.set(true);
            sortBy(name, SortType.ASCENDING);
            rows.addAll(row("b", 2), row("a", 1));
        });
        assertThat(table.getItems()).isSameAs(rows);
        assertThat(tasks.held()).isZero();

        robot.interact(() -> {
            loading.set(false);
            tasks.completeAll();
        });
        assertThat(names()).containsExactly("a", "b");

        robot.interact(() -> table.getSortOrder().clear());
        assertThat(table.getItems()).isSameAs(rows);
        assertThat(names()).containsExactly("b", "a");
    }

    private void sortBy(TableColumn<Row, ?> column, SortType type) {
        column.setSortType(type);
        table.getSortOrder().setAll(List.of(column));
    }

    private List<String> names() {
        return table.getItems().stream().map(Row::name).toList();
    }

    /** Rows "r000000", "r000001", ... in ascending order. */
    private static List<Row> numbered(int count) {
        List<Row> numbered = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbered.add(row(String.format("r%06d", i), i));
        }
        return numbered;
    }

    private static Row row(String name, long size) {
        return new Row(name, size);
    }
}
