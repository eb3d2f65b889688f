package org.bucketsweep.ui.delete;

import javafx.util.StringConverter;
import org.bucketsweep.model.delete.DeleteOptions;

/** Requests in flight as the dialog shows them: "Auto" for {@link DeleteOptions#ADAPTIVE}, else the number. */
final class ConcurrencyText extends StringConverter<Integer> {

    static final String AUTO = "Auto";

    @Override
    public String toString(Integer n) {
        return n == null || n == DeleteOptions.ADAPTIVE ? AUTO : Integer.toString(n);
    }

    @Override
    public Integer fromString(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase(AUTO)) {
            return DeleteOptions.ADAPTIVE;
        }
        try {
            return Math.max(DeleteOptions.ADAPTIVE, Math.min(DeleteDialogViewModel.MAX_CONCURRENCY,
                    Integer.parseInt(t)));
        } catch (NumberFormatException e) {
            return DeleteOptions.ADAPTIVE;
        }
    }
}
