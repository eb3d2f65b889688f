package org.bucketsweep.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.ui.testing.HeldTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * A table's filter over many rows runs in the background, and the rows shown are always exactly those of the list that
 * the filter leaves, in the list's order, once no filter is under way.
 */
class FilteredRowsTest {

    private record Row(String name) {
    }

    /** Up to this many rows are filtered at once, so that the tests' few rows are filtered in the background. */
    private static final int FILTER_AT_ONCE = 2;
    private static final Predicate<Row> WITH_A = r -> r.name().contains("a");

    private final HeldTaskRunner tasks = new HeldTaskRunner();
    private final ObservableList<Row> source = FXCollections.observableArrayList();
    private final FilteredRows<Row> filtered = new FilteredRows<>(source, tasks, FILTER_AT_ONCE);

    @Test
    void aNewFilterShowsTheFormerRowsUntilItIsDoneThenAlsoTestsTheRowsThatArrivedMeanwhile() {
        source.setAll(rows("ab", "cd", "ae"));
        filtered.setPredicate(WITH_A);
        assertThat(names()).containsExactly("ab", "cd", "ae");
        assertThat(filtered.filteringProperty().get()).isTrue();
        source.addAll(rows("xa", "yy"));
        assertThat(names()).containsExactly("ab", "cd", "ae");

        tasks.completeAll();

        assertThat(names()).containsExactly("ab", "ae", "xa");
        assertThat(filtered.filteringProperty().get()).isFalse();
    }

    @Test
    void aFilterThatEndsAfterANewerOneIsDropped() {
        source.setAll(rows("ab", "cd", "ae", "cx"));
        filtered.setPredicate(WITH_A);
        filtered.setPredicate(r -> r.name().startsWith("c"));

        tasks.completeNewestFirst();

        assertThat(names()).containsExactly("cd", "cx");
    }

    @Test
    void aRowReplacedOrTheRowsClearedDuringAFilterStartItAnew() {
        source.setAll(rows("ab", "cd", "ae"));
        filtered.setPredicate(WITH_A);
        source.set(0, new Row("zz"));
        tasks.completeNewestFirst();
        assertThat(names()).containsExactly("ae");

        filtered.setPredicate(r -> true);
        source.clear();
        tasks.completeAll();
        assertThat(names()).isEmpty();
    }

    @Test
    void aFewRowsAreFilteredAtOnce() {
        FilteredRows<Row> few = new FilteredRows<>(source, tasks, 10);
        source.setAll(rows("ab", "cd", "ae"));

        few.setPredicate(WITH_A);

        assertThat(few.rows()).extracting(Row::name).containsExactly("ab", "ae");
        assertThat(tasks.held()).isZero();
    }

    @Test
    void streamedRowsAndARevisedRowAreFollowedWithoutFilteringAnew() {
        source.setAll(rows("ab", "cd", "ae"));
        filtered.setPredicate(WITH_A);
        tasks.completeAll();

        source.addAll(rows("ba", "bb"));
        Row revised = new Row("ae2");
        source.set(2, revised);
        source.set(0, new Row("gone"));

        assertThat(tasks.held()).isZero();
        assertThat(names()).containsExactly("ae2", "ba");
        assertThat(filtered.rows().get(0)).isSameAs(revised);
    }

    @Test
    void withoutAFilterStreamedAndRevisedRowsAreFollowedAtOnceAndOtherChangesEndWithTheRowsThemselves() {
        source.setAll(rows("a", "b", "c"));
        source.addAll(rows("d", "e"));
        source.set(0, new Row("g"));
        assertThat(tasks.held()).isZero();
        assertThat(filtered.rows()).containsExactlyElementsOf(source);

        source.removeAll(source.get(1), source.get(3));
        FXCollections.sort(source, (x, y) -> y.name().compareTo(x.name()));
        tasks.completeAll();

        assertThat(filtered.rows()).containsExactlyElementsOf(source);
    }

    @Test
    void anyMixOfChangesFiltersAndFinishesEndsWithExactlyTheRowsTheFilterLeaves() {
        List<Predicate<Row>> filters = List.of(WITH_A, r -> r.name().length() > 2, r -> false);
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            source.clear();
            filtered.setPredicate(null);
            tasks.completeAll();
            Predicate<Row> current = null;
            for (int step = 0; step < 60; step++) {
                switch (random.nextInt(8)) {
                    case 0, 1 -> source.addAll(randomRows(random, random.nextInt(4)));
                    case 2 -> {
                        if (!source.isEmpty()) {
                            source.set(random.nextInt(source.size()), randomRows(random, 1).get(0));
                        }
                    }
                    case 3 -> {
                        if (!source.isEmpty()) {
                            source.remove(random.nextInt(source.size()));
                        }
                    }
                    case 4 -> {
                        current = random.nextInt(4) == 0 ? null : filters.get(random.nextInt(filters.size()));
                        filtered.setPredicate(current);
                    }
                    case 5 -> tasks.completeNewestFirst();
                    case 6 -> tasks.completeAll();
                    default -> {
                        if (random.nextInt(5) == 0) {
                            source.clear();
                        }
                    }
                }
                if (!filtered.filteringProperty().get()) {
                    assertThat(filtered.rows()).as("seed %d, step %d", seed, step)
                            .containsExactlyElementsOf(leaves(current));
                }
            }
            tasks.completeAll();
            assertThat(filtered.rows()).as("seed %d at the end", seed).containsExactlyElementsOf(leaves(current));
        }
    }

    private List<Row> leaves(Predicate<Row> filter) {
        return filter == null ? List.copyOf(source) : source.stream().filter(filter).toList();
    }

    private static List<Row> randomRows(Random random, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row("abcd".substring(random.nextInt(4)) + random.nextInt(100)));
        }
        return rows;
    }

    private List<String> names() {
        return filtered.rows().stream().map(Row::name).toList();
    }

    private static List<Row> rows(String... names) {
        return Arrays.stream(names).map(Row::new).toList();
    }
}
