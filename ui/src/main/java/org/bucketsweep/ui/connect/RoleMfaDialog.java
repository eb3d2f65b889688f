package org.bucketsweep.ui.connect;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.bucketsweep.ui.dialog.MfaCodeField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Asks for the MFA code a role profile needs ({@code mfa_serial}): looks like the MFA Delete dialog, with the device
 * fixed by the profile.
 */
public final class RoleMfaDialog extends Dialog<String> {

    public RoleMfaDialog(String profile, String mfaSerial) {
        setTitle("MFA code for profile " + profile);
        setHeaderText("Profile " + profile + " assumes a role that needs an MFA code.\n"
                + "Enter the code your MFA device shows now.");
        setGraphic(new FontIcon(Material2MZ.SECURITY));

        Label serial = new Label(mfaSerial);
        serial.setId("roleMfaSerial");
        MfaCodeField code = new MfaCodeField("roleMfaCode");
        Label hint = new Label("The code is sent once to AWS STS for a session of the role; BucketSweep asks again"
                + " when that session ends.");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.getStyleClass().add("text-muted");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("MFA device"), serial);
        grid.addRow(1, new Label("Code"), code);
        grid.add(hint, 0, 2, 2, 1);
        getDialogPane().setContent(grid);

        ButtonType ok = new ButtonType("Connect with this code", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ok);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("roleMfaSubmit");
        okButton.setDefaultButton(true);
        okButton.disableProperty().bind(code.complete().not());
        setOnShown(e -> code.requestFocus());
        setResultConverter(button -> button == ok ? code.getText() : null);
    }
}
