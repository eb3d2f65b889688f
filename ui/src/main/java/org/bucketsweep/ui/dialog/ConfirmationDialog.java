package org.bucketsweep.ui.dialog;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Shows a {@link Confirmation}: Cancel is the default, the action needs a click (and the typed word, if any). */
final class ConfirmationDialog extends Dialog<Boolean> {

    ConfirmationDialog(Confirmation confirmation) {
        setTitle(confirmation.title());
        setHeaderText(confirmation.header());
        ButtonType act = new ButtonType(confirmation.action(), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(act, ButtonType.CANCEL);
        Label details = new Label(confirmation.details());
        details.setWrapText(true);
        details.setMaxWidth(520);
        VBox content = new VBox(10, details);
        Button actButton = (Button) getDialogPane().lookupButton(act);
        actButton.setId("confirmAction");
        actButton.getStyleClass().add("danger");
        actButton.setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (confirmation.typedWord() != null) {
            TextField typed = new TextField();
            typed.setId("confirmTypedWord");
            typed.setPromptText(confirmation.typedWord());
            content.getChildren().addAll(new Label("Type " + confirmation.typedWord() + " to confirm:"), typed);
            actButton.disableProperty().bind(typed.textProperty().isNotEqualTo(confirmation.typedWord()));
            setOnShown(e -> typed.requestFocus());
        }
        getDialogPane().setContent(content);
        setResultConverter(button -> button == act);
    }
}
