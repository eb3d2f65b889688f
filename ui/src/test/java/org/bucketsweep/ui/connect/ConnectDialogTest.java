package org.bucketsweep.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.CustomConnection;
import org.bucketsweep.model.connection.SecretStore;
import org.bucketsweep.model.testing.AwsConfigFiles;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.testing.MemorySecretStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The connect dialog and the role MFA dialog on screen (headless), controls found by id. */
class ConnectDialogTest {

    private final FxRobot robot = new FxRobot();
    private Dialog<?> shown;

    @TempDir
    Path home;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws TimeoutException {
        if (shown != null) {
            FxToolkit.setupFixture(shown::close);
        }
    }

    @Test
    void profilesShowTheirKindAndTheKeyringNoteSaysWhySecretsAreNotKept() throws Exception {
        AwsProfiles files = AwsConfigFiles.write(home, """
                [profile prod]
                sso_session = corp
                [sso-session corp]
                sso_region = us-east-1
                sso_start_url = https://corp.awsapps.com/start
                [profile dev]
                role_arn = arn:aws:iam::1:role/dev
                source_profile = prod
                mfa_serial = arn:aws:iam::1:mfa/alice
                """, "").profiles("dev");
        Connections connections = new Connections(new DirectTaskRunner(), new FakeDialogs(), files,
                SavedConnections.inMemory(), SecretStore.none("no keyring service is running in this session."));
        ConnectViewModel form = connections.form(null);

        show(() -> new ConnectDialog(form));

        ComboBox<?> profiles = robot.lookup("#profile").queryComboBox();
        assertThat(robot.lookup("#profile .list-cell").queryAllAs(ListCell.class))
                .as("the combo's own cell shows the chosen profile with its kind")
                .filteredOn(cell -> cell.getParent() == profiles).singleElement()
                .extracting(ListCell::getText).isEqualTo("dev (role, MFA)");
        robot.clickOn("#profile");
        assertThat(robot.lookup(".list-view .list-cell").queryAllAs(ListCell.class))
                .extracting(ListCell::getText).contains("prod (SSO)", "dev (role, MFA)");
        robot.clickOn("prod (SSO)");
        assertThat(form.profileProperty().get().name()).isEqualTo("prod");
        assertThat(robot.lookup("#keyringNote").queryAs(Label.class).getText())
                .contains("no keyring service is running").contains("Type the secret key each time");
    }

    @Test
    void choosingASavedConnectionFillsTheFormAndTheSecretFromTheKeyring() throws Exception {
        SavedConnections saved = SavedConnections.inMemory();
        CustomConnection lab = new CustomConnection("lab", URI.create("http://127.0.0.1:9000"), "us-east-1", true,
                "AKIALAB");
        saved.save(lab);
        MemorySecretStore keyring = new MemorySecretStore();
        keyring.secrets.put(lab.secretKey(), "the-secret");
        Connections connections = new Connections(new DirectTaskRunner(), new FakeDialogs(),
                AwsConfigFiles.write(home, "", "").profiles(null), saved, keyring);
        ConnectViewModel form = connections.form(null);

        show(() -> new ConnectDialog(form));
        robot.clickOn("#savedConnection");
        robot.clickOn(robot.lookup(".list-view .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> "lab".equals(cell.getText())).findFirst().orElseThrow());

        assertThat(robot.lookup("#endpoint").queryAs(TextField.class).getText()).isEqualTo("http://127.0.0.1:9000");
        assertThat(robot.lookup("#accessKeyId").queryAs(TextField.class).getText()).isEqualTo("AKIALAB");
        assertThat(robot.lookup("#secretAccessKey").queryAs(PasswordField.class).getText()).isEqualTo("the-secret");
        assertThat(robot.lookup("#keyringNote").queryAs(Label.class).getText()).contains("system keyring");

        robot.clickOn("#forgetConnection");
        assertThat(saved.list()).isEmpty();
        assertThat(keyring.secrets).isEmpty();
    }

    @Test
    void theRoleMfaDialogTakesSixDigits() throws Exception {
        Dialog<?> dialog = show(() -> new RoleMfaDialog("dev", "arn:aws:iam::1:mfa/alice"));
        Button submit = robot.lookup("#roleMfaSubmit").queryButton();
        assertThat(robot.lookup("#roleMfaSerial").queryAs(Label.class).getText()).isEqualTo("arn:aws:iam::1:mfa/alice");

        robot.clickOn("#roleMfaCode").write("12a345");
        assertThat(robot.lookup("#roleMfaCode").queryAs(TextField.class).getText()).isEqualTo("12345");
        assertThat(submit.isDisabled()).isTrue();
        robot.write("6");
        assertThat(submit.isDisabled()).isFalse();
        robot.clickOn(submit);

        assertThat(dialog.getResult()).isEqualTo("123456");
        shown = null;
    }

    /** Builds the dialog on the FX thread, as JavaFX requires, and shows it. */
    private Dialog<?> show(Supplier<Dialog<?>> dialog) throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            shown = dialog.get();
            shown.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return shown;
    }
}
