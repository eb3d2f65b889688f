package org.bucketsweep.ui.dialog;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/** The code an MFA device shows: six digits, and nothing else can be typed or pasted. */
public final class MfaCodeField extends TextField {

    private static final int DIGITS = 6;

    public MfaCodeField(String id) {
        setId(id);
        setPromptText("123456");
        setPrefColumnCount(8);
        setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0," + DIGITS + "}") ? change : null));
    }

    /** Whether all six digits are there, for the dialog's OK button. */
    public BooleanBinding complete() {
        return textProperty().length().isEqualTo(DIGITS);
    }
}
