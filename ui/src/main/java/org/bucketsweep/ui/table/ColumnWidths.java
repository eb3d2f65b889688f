package org.bucketsweep.ui.table;

import javafx.collections.ObservableMap;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Gives a table's columns the widths the person left them at, and notes every change under "table.column". */
public final class ColumnWidths {

    /** Narrower than this is a column squeezed by a tiny window, not a choice worth keeping. */
    private static final double MIN_REMEMBERED = 24;

    private ColumnWidths() {
    }

    public static void remember(TableView<?> table, String tableName, ObservableMap<String, Double> widths) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            String key = tableName + "." + column.getText();
            Double saved = widths.get(key);
            if (saved != null && saved >= MIN_REMEMBERED) {
                column.setPrefWidth(saved);
            }
            column.widthProperty().addListener((obs, was, now) -> {
                if (now.doubleValue() >= MIN_REMEMBERED) {
                    widths.put(key, Math.rint(now.doubleValue()));
                }
            });
        }
    }
}
