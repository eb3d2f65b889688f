package org.bucketsweep.ui.table;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;

/**
 * "Filtering…" or "Sorting…" in a big table's bar while its rows are filtered or sorted in the background, the table
 * showing the former rows or order meanwhile; nothing, and no space taken, otherwise.
 */
public final class BackgroundWorkNotice {

    private BackgroundWorkNotice() {
    }

    public static Label of(ObservableBooleanValue filtering, ObservableBooleanValue sorting) {
        Label notice = new Label();
        notice.getStyleClass().add("text-muted");
        notice.textProperty().bind(Bindings.when(filtering).then("Filtering…").otherwise("Sorting…"));
        BooleanBinding busy = Bindings.or(filtering, sorting);
        notice.visibleProperty().bind(busy);
        notice.managedProperty().bind(busy);
        return notice;
    }
}
