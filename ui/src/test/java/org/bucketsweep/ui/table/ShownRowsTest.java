package org.bucketsweep.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The rows a filter shows change as told, and a snapshot handed to a background sort never changes. */
class ShownRowsTest {

    private final ShownRows<String> rows = new ShownRows<>();

    @Test
    void aSnapshotKeepsTheRowsItWasTakenWithWhateverTheListDoesAfterwards() {
        rows.replaceAll(new ArrayList<>(List.of("a", "b", "c")));
        List<String> snapshot = rows.snapshot();

        rows.append(List.of("d"));
        rows.replace(0, "z");
        rows.cut(1);
        List<String> second = rows.snapshot();
        rows.append(List.of("y"));

        assertThat(snapshot).containsExactly("a", "b", "c");
        assertThat(second).containsExactly("z", "c", "d");
        assertThat(rows).containsExactly("z", "c", "d", "y");
    }

    @Test
    void replacingAllRowsIsOneChangeThatRemovesTheFormerRows() {
        rows.replaceAll(new ArrayList<>(List.of("a", "b")));
        List<String> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        rows.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                removed.addAll(change.getRemoved());
                added.add(change.getAddedSize());
            }
        });

        rows.replaceAll(new ArrayList<>(List.of("c", "d", "e")));

        assertThat(removed).containsExactly("a", "b");
        assertThat(added).containsExactly(3);
    }
}
