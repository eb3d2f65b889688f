package org.bucketsweep.ui.delete;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.ui.dialog.MfaAnswer;
import org.bucketsweep.ui.dialog.MfaCodeField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Asks for the MFA device's serial and its current six-digit code, for one request. */
public final class MfaDialog extends Dialog<MfaAnswer> {

    public MfaDialog(MfaRequest request, String rememberedSerial) {
        setTitle("MFA code for " + request.bucket());
        setHeaderText("This bucket has MFA Delete. Enter the code your MFA device shows now.");
        setGraphic(new FontIcon(Material2MZ.SECURITY));

        TextField serial = new TextField(rememberedSerial);
        serial.setId("mfaSerial");
        serial.setPromptText("arn:aws:iam::123456789012:mfa/name, or the device's serial");
        serial.setPrefColumnCount(34);
        MfaCodeField code = new MfaCodeField("mfaCode");

        String progress = request.requestsNeedingMfa() > 1
                ? "Request " + request.requestNumber() + " of " + request.requestsNeedingMfa()
                  + " that need a code. Each request needs a fresh code: wait for the next one."
                : "Each request needs a fresh code.";
        Label hint = new Label(progress);
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        int row = 0;
        if (request.refusal() != null) {
            Label refused = new Label(request.refusal());
            refused.setId("mfaRefused");
            refused.setWrapText(true);
            refused.getStyleClass().add("danger");
            grid.add(refused, 0, row++, 2, 1);
        }
        grid.addRow(row++, new Label("Device serial or ARN"), serial);
        grid.addRow(row++, new Label("Code"), code);
        grid.add(hint, 0, row, 2, 1);
        getDialogPane().setContent(grid);

        ButtonType ok = new ButtonType("Delete with this code", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ok);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("mfaSubmit");
        okButton.setDefaultButton(true);
        okButton.disableProperty().bind(code.complete().not().or(serial.textProperty().isEmpty()));
        setOnShown(e -> (serial.getText().isEmpty() ? serial : code).requestFocus());
        setResultConverter(button -> button == ok ? new MfaAnswer(serial.getText(), code.getText()) : null);
    }
}
