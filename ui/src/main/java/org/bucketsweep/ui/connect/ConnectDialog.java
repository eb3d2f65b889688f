package org.bucketsweep.ui.connect;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.bucketsweep.model.connection.AwsProfile;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CustomConnection;

/** Where to connect: an AWS profile, a saved connection, or an endpoint with keys. */
public final class ConnectDialog extends Dialog<ConnectionSettings> {

    public ConnectDialog(ConnectViewModel model) {
        setTitle("Connect");
        setHeaderText("Connect to AWS S3 or an S3-compatible service");
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);

        ToggleGroup mode = new ToggleGroup();
        RadioButton byProfile = new RadioButton("AWS profile");
        byProfile.setId("useProfile");
        RadioButton byKeys = new RadioButton("Access keys");
        byKeys.setId("useKeys");
        byProfile.setToggleGroup(mode);
        byKeys.setToggleGroup(mode);
        byProfile.setSelected(model.useProfileProperty().get());
        byKeys.setSelected(!model.useProfileProperty().get());
        model.useProfileProperty().addListener((obs, was, now) -> (now ? byProfile : byKeys).setSelected(true));
        byProfile.selectedProperty().addListener((obs, was, now) -> model.useProfileProperty().set(now));

        ComboBox<AwsProfile> profile = new ComboBox<>(model.profiles());
        profile.setId("profile");
        profile.setConverter(label(AwsProfile::label));
        profile.valueProperty().bindBidirectional(model.profileProperty());
        profile.disableProperty().bind(byProfile.selectedProperty().not());
        profile.setPromptText("No profiles in the AWS config files");

        ComboBox<CustomConnection> savedConnection = new ComboBox<>(model.savedConnections());
        savedConnection.setId("savedConnection");
        savedConnection.setConverter(label(CustomConnection::name));
        savedConnection.valueProperty().bindBidirectional(model.savedConnectionProperty());
        savedConnection.setPromptText("Choose a saved connection…");
        savedConnection.disableProperty().bind(Bindings.isEmpty(model.savedConnections()));
        Button forget = new Button("Forget");
        forget.setId("forgetConnection");
        forget.disableProperty().bind(model.savedConnectionProperty().isNull());
        forget.setOnAction(e -> model.forgetSavedConnection());

        TextField accessKey = new TextField();
        accessKey.setId("accessKeyId");
        accessKey.textProperty().bindBidirectional(model.accessKeyIdProperty());
        PasswordField secret = new PasswordField();
        secret.setId("secretAccessKey");
        secret.textProperty().bindBidirectional(model.secretAccessKeyProperty());
        accessKey.disableProperty().bind(byKeys.selectedProperty().not());
        secret.disableProperty().bind(byKeys.selectedProperty().not());
        Label keyringNote = new Label();
        keyringNote.setId("keyringNote");
        keyringNote.setWrapText(true);
        keyringNote.setMaxWidth(460);
        keyringNote.getStyleClass().add("text-muted");
        keyringNote.textProperty().bind(model.keyringNoteProperty());

        TextField endpoint = new TextField();
        endpoint.setId("endpoint");
        endpoint.setPromptText("empty for AWS; e.g. http://127.0.0.1:9000");
        endpoint.textProperty().bindBidirectional(model.endpointProperty());
        TextField region = new TextField();
        region.setId("region");
        region.setPromptText("e.g. eu-central-1 (empty: the profile's, or us-east-1)");
        region.textProperty().bindBidirectional(model.regionProperty());
        CheckBox pathStyle = new CheckBox("Path-style access (MinIO, Ceph, most local servers)");
        pathStyle.setId("pathStyle");
        pathStyle.selectedProperty().bindBidirectional(model.pathStyleProperty());

        ComboBox<EndpointPreset> presets = new ComboBox<>();
        presets.setId("preset");
        presets.getItems().setAll(EndpointPreset.ALL);
        presets.setPromptText("Fill in from a preset…");
        presets.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.apply(now);
            }
        });

        CheckBox save = new CheckBox("Save this connection as");
        save.setId("saveConnection");
        save.selectedProperty().bindBidirectional(model.saveProperty());
        save.disableProperty().bind(byKeys.selectedProperty().not());
        TextField name = new TextField();
        name.setId("connectionName");
        name.setPromptText("e.g. minio-lab (empty: the endpoint's host)");
        name.textProperty().bindBidirectional(model.nameProperty());
        name.disableProperty().bind(save.selectedProperty().not().or(byKeys.selectedProperty().not()));

        Button test = new Button("Test connection");
        test.setId("testConnection");
        test.disableProperty().bind(model.testingProperty().or(model.problemProperty().isNotNull()));
        test.setOnAction(e -> model.testConnection());
        Label testResult = new Label();
        testResult.setId("testResult");
        testResult.setWrapText(true);
        testResult.setMaxWidth(460);
        testResult.textProperty().bind(model.testResultProperty());

        Label problem = new Label();
        problem.setId("connectProblem");
        problem.getStyleClass().add("text-muted");
        problem.textProperty().bind(model.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        int row = 0;
        grid.addRow(row++, byProfile, profile);
        grid.addRow(row++, byKeys, new HBox(6, savedConnection, forget));
        grid.addRow(row++, new Label("Access key id"), accessKey);
        grid.addRow(row++, new Label("Secret access key"), secret);
        grid.add(keyringNote, 1, row++);
        grid.addRow(row++, new Label("Preset"), presets);
        grid.addRow(row++, new Label("Endpoint URL"), endpoint);
        grid.addRow(row++, new Label("Region"), region);
        grid.add(pathStyle, 1, row++);
        grid.addRow(row++, save, name);
        grid.add(problem, 0, row++, 2, 1);
        grid.addRow(row, test, testResult);
        profile.setPrefWidth(360);
        savedConnection.setPrefWidth(290);
        getDialogPane().setContent(grid);
        getDialogPane().lookupButton(connect).disableProperty().bind(model.problemProperty().isNotNull());
        setResultConverter(button -> button == connect ? model.confirm() : null);
    }

    private static <T> StringConverter<T> label(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
