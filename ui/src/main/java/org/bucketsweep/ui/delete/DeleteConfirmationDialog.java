package org.bucketsweep.ui.delete;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.ui.dialog.DeleteConfirmation;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * States exactly what the delete will do. A permanent delete is confirmed by typing the bucket name; adding delete
 * markers (which can be undone) takes one click. Cancel is the default.
 */
public final class DeleteConfirmationDialog extends Dialog<Boolean> {

    public DeleteConfirmationDialog(DeleteConfirmation confirmation) {
        setTitle("Delete from " + confirmation.bucket());
        setHeaderText(confirmation.preview().permanent()
                ? "This cannot be undone"
                : "Delete markers hide the keys; their data stays and can be restored");
        setGraphic(new FontIcon(confirmation.preview().permanent() ? Material2MZ.WARNING : Material2AL.INFO));

        VBox content = new VBox(8);
        content.setPadding(new Insets(10));
        content.setPrefWidth(520);
        for (String sentence : confirmation.preview().sentences()) {
            Label line = new Label(sentence);
            line.setWrapText(true);
            line.getStyleClass().add("preview-sentence");
            content.getChildren().add(line);
        }
        Label summary = new Label(confirmation.preview().summary());
        summary.setId("deleteSummary");
        summary.setManaged(false);
        summary.setVisible(false);
        content.getChildren().add(summary);

        StringBuilder sample = new StringBuilder();
        for (VersionRef ref : confirmation.sample()) {
            sample.append("• ").append(ref).append('\n');
        }
        int more = confirmation.preview().total() - confirmation.sample().size();
        if (more > 0) {
            sample.append("… and ").append(more).append(" more");
        }
        Label items = new Label(sample.toString().strip());
        items.setId("deleteSample");
        items.getStyleClass().add("text-muted");
        content.getChildren().add(items);
        if (confirmation.mfaRequired()) {
            Label mfa = new Label("This bucket has MFA Delete: you will be asked for a code from your MFA device.",
                    new FontIcon(Material2MZ.SECURITY));
            mfa.setWrapText(true);
            content.getChildren().add(mfa);
        }

        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, delete);
        Button deleteButton = (Button) getDialogPane().lookupButton(delete);
        deleteButton.setId("confirmDelete");
        deleteButton.getStyleClass().add("danger");
        deleteButton.setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);

        if (confirmation.requiresTypedBucketName()) {
            Label ask = new Label("Type the bucket name, " + confirmation.bucket() + ", to confirm:");
            TextField typed = new TextField();
            typed.setId("typedBucketName");
            typed.setPromptText(confirmation.bucket());
            deleteButton.disableProperty().bind(typed.textProperty().isNotEqualTo(confirmation.bucket()));
            content.getChildren().addAll(ask, typed);
            setOnShown(e -> typed.requestFocus());
        }
        getDialogPane().setContent(content);
        setResultConverter(button -> button == delete);
    }
}
