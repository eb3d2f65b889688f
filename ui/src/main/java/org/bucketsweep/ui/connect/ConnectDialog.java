package org.bucketsweep.ui.connect;

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
import org.bucketsweep.model.connection.ConnectionSettings;

/** Where to connect: an AWS profile or an endpoint with keys. */
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
        model.useProfileProperty().bind(byProfile.selectedProperty());

        ComboBox<String> profile = new ComboBox<>(model.profiles());
        profile.setId("profile");
        profile.setEditable(true);
        profile.valueProperty().bindBidirectional(model.profileProperty());
        profile.disableProperty().bind(byProfile.selectedProperty().not());

        TextField accessKey = new TextField();
        accessKey.setId("accessKeyId");
        accessKey.textProperty().bindBidirectional(model.accessKeyIdProperty());
        PasswordField secret = new PasswordField();
        secret.setId("secretAccessKey");
        secret.textProperty().bindBidirectional(model.secretAccessKeyProperty());
        accessKey.disableProperty().bind(byKeys.selectedProperty().not());
        secret.disableProperty().bind(byKeys.selectedProperty().not());

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
        grid.addRow(row++, byKeys);
        grid.addRow(row++, new Label("Access key id"), accessKey);
        grid.addRow(row++, new Label("Secret access key"), secret);
        grid.addRow(row++, new Label("Preset"), presets);
        grid.addRow(row++, new Label("Endpoint URL"), endpoint);
        grid.addRow(row++, new Label("Region"), region);
        grid.add(pathStyle, 1, row++);
        grid.add(problem, 0, row++, 2, 1);
        grid.addRow(row, test, testResult);
        profile.setPrefWidth(360);
        getDialogPane().setContent(grid);
        getDialogPane().lookupButton(connect).disableProperty().bind(model.problemProperty().isNotNull());
        setResultConverter(button -> button == connect ? model.toSettings() : null);
    }
}
