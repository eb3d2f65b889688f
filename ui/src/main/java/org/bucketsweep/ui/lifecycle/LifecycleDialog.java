package org.bucketsweep.ui.lifecycle;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.lifecycle.RuleSummary;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.ui.lifecycle.LifecycleDialogViewModel.Mode;

/**
 * Hand a cleanup to S3: BucketSweep's rule (or removing BucketSweep's rules), the bucket's existing rules, the
 * exact XML S3 will receive and what it means. Apply sends it and keeps the dialog open with the outcome.
 */
public final class LifecycleDialog extends Dialog<Void> {

    public LifecycleDialog(LifecycleDialogViewModel model) {
        setTitle("Lifecycle rules of " + model.bucket());
        setHeaderText("Let S3 clean up " + model.bucket() + " in the background");

        ToggleGroup modes = new ToggleGroup();
        RadioButton add = new RadioButton("Add or replace BucketSweep's rule for a prefix");
        add.setId("modeAdd");
        RadioButton remove = new RadioButton("Remove BucketSweep's rules (other rules stay)");
        remove.setId("modeRemove");
        add.setToggleGroup(modes);
        remove.setToggleGroup(modes);
        (model.modeProperty().get() == Mode.ADD_RULE ? add : remove).setSelected(true);
        modes.selectedToggleProperty().addListener((obs, was, now) ->
                model.modeProperty().set(now == remove ? Mode.REMOVE_OURS : Mode.ADD_RULE));

        GridPane rule = ruleEditor(model);
        rule.disableProperty().bind(model.modeProperty().isEqualTo(Mode.REMOVE_OURS));

        ListView<RuleSummary> existing = new ListView<>(model.existingRules());
        existing.setId("existingRules");
        existing.setPrefHeight(90);
        existing.setCellFactory(v -> new RuleCell());
        existing.setPlaceholder(new Label("No lifecycle rules yet."));

        TextArea xml = new TextArea();
        xml.setId("lifecycleXml");
        xml.setEditable(false);
        xml.setPrefRowCount(12);
        xml.setStyle("-fx-font-family: monospace;");
        xml.textProperty().bind(model.xmlProperty());
        TextArea explanation = new TextArea();
        explanation.setId("lifecycleExplanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setPrefRowCount(12);
        explanation.textProperty().bind(model.explanationProperty());
        Label problem = new Label();
        problem.setId("lifecycleProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        Label status = new Label();
        status.setId("lifecycleStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_BOLD);
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());

        HBox xmlAndWords = new HBox(12, xml, explanation);
        HBox.setHgrow(xml, Priority.ALWAYS);
        HBox.setHgrow(explanation, Priority.ALWAYS);
        xml.setPrefWidth(520);
        explanation.setPrefWidth(420);
        VBox content = new VBox(8, add, rule, remove, new Label("Rules the bucket has now:"), existing,
                new Label("The configuration S3 will receive (indented here), and what it does:"), xmlAndWords, problem,
                new HBox(8, busy, status));
        content.setPadding(new Insets(10));
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(1000);

        ButtonType apply = new ButtonType("Apply", ButtonBar.ButtonData.APPLY);
        getDialogPane().getButtonTypes().addAll(apply, ButtonType.CLOSE);
        Button applyButton = (Button) getDialogPane().lookupButton(apply);
        applyButton.setId("applyLifecycle");
        applyButton.disableProperty().bind(model.canApplyProperty().not());
        // Apply keeps the dialog open: the outcome and the rules read back are shown in it.
        applyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.apply();
        });
        setResizable(true);
    }

    private static GridPane ruleEditor(LifecycleDialogViewModel model) {
        TextField prefix = new TextField();
        prefix.setId("lifecyclePrefix");
        prefix.setPromptText("the whole bucket");
        prefix.textProperty().bindBidirectional(model.prefixProperty());
        CheckBox expired = new CheckBox("Remove expired delete markers (markers with no version left)");
        expired.setId("expiredMarkers");
        expired.selectedProperty().bindBidirectional(model.expiredMarkersProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 0, 0, 24));
        grid.addRow(0, new Label("Prefix"), prefix);
        grid.addRow(1, optionalDays("noncurrentDays", "Delete noncurrent versions",
                "days after they became noncurrent", 1, 36500, model.noncurrentDaysProperty()));
        grid.addRow(2, optionalDays("keepNewest", "but keep the newest", "noncurrent versions of each key", 1,
                SweepRule.MAX_KEEP_NEWEST, model.keepNewestProperty()));
        grid.add(expired, 0, 3, 2, 1);
        grid.addRow(4, optionalDays("abortUploadsDays", "Abort incomplete multipart uploads", "days after they"
                + " were started", 1, 36500, model.abortUploadsDaysProperty()));
        return grid;
    }

    /** A check box that turns a number on or off: the number goes to {@code value}, off is {@code null}. */
    private static HBox optionalDays(String id, String before, String after, int min, int max,
                                     ObjectProperty<Integer> value) {
        CheckBox on = new CheckBox(before);
        on.setId(id + "Enabled");
        on.setSelected(value.get() != null);
        Spinner<Integer> number = new Spinner<>(min, max, value.get() == null ? Math.max(min, 30 > max ? 1 : 30)
                : value.get());
        number.setId(id);
        number.setEditable(true);
        number.setPrefWidth(90);
        number.disableProperty().bind(on.selectedProperty().not());
        number.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                number.commitValue();
            }
        });
        Runnable push = () -> value.set(on.isSelected() ? number.getValue() : null);
        on.selectedProperty().addListener(x -> push.run());
        number.valueProperty().addListener(x -> push.run());
        HBox row = new HBox(8, on, number, new Label(after));
        row.setAlignment(Pos.CENTER_LEFT);
        GridPane.setColumnSpan(row, 2);
        return row;
    }

    private static final class RuleCell extends ListCell<RuleSummary> {
        @Override
        protected void updateItem(RuleSummary rule, boolean empty) {
            super.updateItem(rule, empty);
            if (empty || rule == null) {
                setText(null);
                return;
            }
            setText((rule.ours() ? "[BucketSweep] " : "") + (rule.id().isEmpty() ? "(no ID)" : rule.id())
                    + (rule.enabled() ? "" : " (disabled)") + " — " + rule.filter() + ": " + rule.actions());
        }
    }
}
