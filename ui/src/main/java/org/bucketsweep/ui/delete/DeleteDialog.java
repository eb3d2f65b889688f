package org.bucketsweep.ui.delete;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.delete.DeletePreview;
import org.bucketsweep.model.plan.DeletePlan;
import org.bucketsweep.ui.delete.DeleteDialogViewModel.Intent;
import org.bucketsweep.ui.delete.DeleteDialogViewModel.Target;
import org.bucketsweep.ui.dialog.DeleteDecision;
import org.bucketsweep.ui.format.Sizes;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Choose what to delete, see exactly what will happen, confirm. Permanent deletes are confirmed by typing the
 * bucket name; Cancel is the default button, so Enter never deletes by accident.
 */
public final class DeleteDialog extends Dialog<DeleteDecision> {

    /** Summary (3 lines), a warning and the sample's 8 items and "more" line, at the default font size. */
    private static final double PREVIEW_HEIGHT = 250;

    private final VBox content;
    private final ScrollPane scroll;

    public DeleteDialog(DeleteDialogViewModel model) {
        setTitle("Delete from " + model.bucket().name());
        setHeaderText("What should be deleted?");

        ToggleGroup intents = new ToggleGroup();
        VBox intentBox = new VBox(6);
        for (Intent intent : Intent.values()) {
            RadioButton choice = new RadioButton(intent.label());
            choice.setId("intent" + intent.name());
            choice.setUserData(intent);
            choice.setToggleGroup(intents);
            choice.setSelected(model.intentProperty().get() == intent);
            choice.setDisable(intent == Intent.SELECTED && !model.hasSelection());
            intentBox.getChildren().add(choice);
        }
        intents.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.intentProperty().set((Intent) now.getUserData());
            }
        });

        ToggleGroup targets = new ToggleGroup();
        RadioButton keys = new RadioButton();
        keys.textProperty().bind(Bindings.createStringBinding(() -> model.selectedKeyCountProperty().get() < 0
                ? "of the selected keys"
                : String.format(Locale.ROOT, "of the %,d selected keys", model.selectedKeyCountProperty().get()),
                model.selectedKeyCountProperty()));
        keys.setId("targetKeys");
        keys.setDisable(!model.hasSelection());
        RadioButton folder = new RadioButton("of everything under "
                + (model.prefix().isEmpty() ? "the bucket" : model.prefix()));
        folder.setId("targetFolder");
        keys.setToggleGroup(targets);
        folder.setToggleGroup(targets);
        (model.targetProperty().get() == Target.FOLDER ? folder : keys).setSelected(true);
        targets.selectedToggleProperty().addListener((obs, was, now) ->
                model.targetProperty().set(now == folder ? Target.FOLDER : Target.SELECTED_KEYS));
        HBox targetBox = new HBox(14, keys, folder);
        targetBox.disableProperty().bind(model.intentProperty().isEqualTo(Intent.SELECTED));

        DatePicker before = new DatePicker();
        before.setId("noncurrentBefore");
        before.setPromptText("any date");
        before.valueProperty().bindBidirectional(model.noncurrentBeforeProperty());
        CheckBox keepBox = new CheckBox();
        keepBox.setId("keepNewestEnabled");
        keepBox.setSelected(model.keepNewestProperty().get() != null);
        Spinner<Integer> keep = new Spinner<>(0, 1000, model.keepNewestProperty().get() == null ? 1
                : model.keepNewestProperty().get());
        keep.setId("keepNewest");
        keep.setPrefWidth(80);
        keep.setEditable(true);
        commitWhenLeft(keep);
        keep.disableProperty().bind(keepBox.selectedProperty().not());
        Runnable pushKeep = () -> model.keepNewestProperty().set(keepBox.isSelected() ? keep.getValue() : null);
        keepBox.selectedProperty().addListener(x -> pushKeep.run());
        keep.valueProperty().addListener(x -> pushKeep.run());
        keepBox.setText("Keep the newest");
        HBox sinceRow = new HBox(8, new Label("Noncurrent since before"), before);
        HBox keepRow = new HBox(8, keepBox, keep, new Label("noncurrent versions of each key"));
        sinceRow.setAlignment(Pos.CENTER_LEFT);
        keepRow.setAlignment(Pos.CENTER_LEFT);
        VBox noncurrentBox = new VBox(6, sinceRow, keepRow);
        noncurrentBox.visibleProperty().bind(model.intentProperty().isEqualTo(Intent.NONCURRENT));
        noncurrentBox.managedProperty().bind(noncurrentBox.visibleProperty());

        DatePicker asOfDate = new DatePicker();
        asOfDate.setId("rollBackDate");
        asOfDate.setPromptText("date");
        asOfDate.valueProperty().bindBidirectional(model.rollBackDateProperty());
        TextField asOfTime = new TextField();
        asOfTime.setId("rollBackTime");
        asOfTime.setPrefColumnCount(5);
        asOfTime.textProperty().bindBidirectional(model.rollBackTimeProperty());
        asOfDate.setPrefWidth(150);
        asOfTime.setTooltip(new Tooltip("HH:mm or HH:mm:ss, in this computer's time zone"));
        Label asOf = new Label("As it was at");
        asOf.setMinWidth(Region.USE_PREF_SIZE);
        Label zone = new Label("(local time)");
        zone.setMinWidth(Region.USE_PREF_SIZE);
        HBox rollBackBox = new HBox(8, asOf, asOfDate, asOfTime, zone);
        rollBackBox.setAlignment(Pos.CENTER_LEFT);
        rollBackBox.visibleProperty().bind(model.intentProperty().isEqualTo(Intent.ROLL_BACK));
        rollBackBox.managedProperty().bind(rollBackBox.visibleProperty());

        // The preview: always what the plan says, never what the choices suggest.
        Label summary = new Label();
        summary.setId("deleteSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        Label warnings = new Label();
        warnings.setId("deleteWarnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add("danger");
        Label conditional = new Label();
        conditional.setId("deleteConditional");
        conditional.setWrapText(true);
        conditional.getStyleClass().add("text-muted");
        conditional.textProperty().bind(Bindings.createStringBinding(model::conditionalText, model.planProperty()));
        conditional.managedProperty().bind(conditional.textProperty().isNotEmpty());
        Label sample = new Label();
        sample.setId("deleteSample");
        sample.getStyleClass().add("text-muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.planningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        summary.textProperty().bind(Bindings.createStringBinding(() -> summaryText(model),
                model.planProperty(), model.planningProperty(), model.problemProperty()));
        warnings.textProperty().bind(Bindings.createStringBinding(() -> model.planProperty().get() == null ? ""
                : String.join("\n", model.planProperty().get().warnings()), model.planProperty()));
        sample.textProperty().bind(Bindings.createStringBinding(() -> sampleText(model.planProperty().get()),
                model.planProperty()));
        VBox preview = new VBox(6, new HBox(8, busy, summary), warnings, conditional, sample);
        preview.getStyleClass().add("delete-preview");
        preview.setPadding(new Insets(10));
        // Room for the summary, a warning and the sample from the start: the plan arrives after the dialog opens,
        // and a dialog that changed size under the person's hand would move its buttons.
        preview.setMinHeight(PREVIEW_HEIGHT);

        TitledPane advanced = new TitledPane("Advanced", advancedOptions(model));
        advanced.setId("advanced");
        advanced.setExpanded(false);
        advanced.setAnimated(false);

        Label ask = new Label("Type the bucket name, " + model.bucket().name() + ", to confirm:");
        TextField typed = new TextField();
        typed.setId("typedBucketName");
        typed.setPromptText(model.bucket().name());
        typed.textProperty().bindBidirectional(model.typedBucketNameProperty());
        VBox confirmBox = new VBox(4, ask, typed);
        confirmBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.planProperty().get() != null
                && model.planProperty().get().preview().permanent(), model.planProperty()));
        // Its place is kept while hidden, for the same reason.
        // Where confirmation is needed, the cursor waits in the field: type the name, then click Delete.
        confirmBox.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                typed.requestFocus();
            }
        });
        setOnShown(e -> {
            if (confirmBox.isVisible()) {
                typed.requestFocus();
            }
        });

        content = new VBox(10, intentBox, targetBox, noncurrentBox, rollBackBox, preview, confirmBox, advanced);
        if (model.mfaRequired()) {
            Label mfa = new Label("This bucket has MFA Delete: you will be asked for a code from your MFA device for"
                    + " each request that deletes versions.", new FontIcon(Material2MZ.SECURITY));
            mfa.setWrapText(true);
            content.getChildren().add(mfa);
        }
        content.setPadding(new Insets(10));
        content.setPrefWidth(640);
        // On a small screen the choices scroll; the Delete and Cancel buttons stay in view.
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        getDialogPane().setContent(scroll);
        // The dialog grows with the choices it shows (Advanced opened, the noncurrent options), within the screen.
        advanced.expandedProperty().addListener((obs, was, expanded) -> {
            fitToContent();
            if (expanded) {
                // The options just opened are what the person wants to see.
                scroll.layout();
                scroll.setVvalue(scroll.getVmax());
            }
        });
        noncurrentBox.visibleProperty().addListener(x -> fitToContent());
        rollBackBox.visibleProperty().addListener(x -> fitToContent());

        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        ButtonType lifecycle = new ButtonType("Create a lifecycle rule instead…", ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().addAll(lifecycle, ButtonType.CANCEL, delete);
        Button lifecycleButton = (Button) getDialogPane().lookupButton(lifecycle);
        lifecycleButton.setId("lifecycleInstead");
        // Its own width, not the Delete and Cancel buttons' (a uniform size would cut its label).
        ButtonBar.setButtonUniformSize(lifecycleButton, false);
        lifecycleButton.setMinWidth(Region.USE_PREF_SIZE);
        lifecycleButton.disableProperty().bind(model.lifecycleAvailableProperty().not());
        lifecycleButton.setTooltip(new Tooltip("Let S3 delete these noncurrent versions in the background, under"
                + " " + (model.prefix().isEmpty() ? "the whole bucket" : model.prefix()) + ", now and from now on"));
        Button deleteButton = (Button) getDialogPane().lookupButton(delete);
        deleteButton.setId("confirmDelete");
        deleteButton.getStyleClass().add(Styles.DANGER);
        deleteButton.setDefaultButton(false);
        deleteButton.disableProperty().bind(model.canConfirmProperty().not());
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        setResultConverter(button -> {
            if (button == lifecycle) {
                model.requestLifecycleRule();
            }
            return button == delete ? model.decision().orElse(null) : null;
        });
        setOnHidden(e -> model.close());
        setResizable(true);
    }

    /** A number typed into a spinner counts when the person moves on, not only when they press Enter. */
    private static void commitWhenLeft(Spinner<Integer> spinner) {
        spinner.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                spinner.commitValue();
            }
        });
    }

    private void fitToContent() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        // As tall as the content is at the viewport's width (wrapped lines included), within the screen.
        Bounds viewport = scroll.getViewportBounds();
        double missing = content.prefHeight(viewport.getWidth() > 0 ? viewport.getWidth() : -1) - viewport.getHeight();
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (missing > 1) {
            window.setHeight(Math.min(screen.getHeight(), window.getHeight() + missing));
        }
        if (window.getY() + window.getHeight() > screen.getMaxY()) {
            window.setY(Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight()));
        }
    }

    private static GridPane advancedOptions(DeleteDialogViewModel model) {
        CheckBox quiet = new CheckBox("Quiet mode: S3 reports only errors; other items are taken as deleted");
        quiet.setId("quiet");
        quiet.selectedProperty().bindBidirectional(model.quietProperty());
        Spinner<Integer> batch = new Spinner<>(1, 1000, model.batchSizeProperty().get(), 100);
        batch.setId("batchSize");
        batch.setEditable(true);
        batch.valueProperty().addListener((o, a, b) -> model.batchSizeProperty().set(b));
        commitWhenLeft(batch);
        Spinner<Integer> parallel = new Spinner<>(DeleteOptions.ADAPTIVE, DeleteDialogViewModel.MAX_CONCURRENCY,
                model.concurrencyProperty().get());
        parallel.getValueFactory().setConverter(new ConcurrencyText());
        parallel.setTooltip(new Tooltip("Auto finds the number of requests the server takes best, and backs off"
                + " when it says SlowDown."));
        parallel.setId("concurrency");
        parallel.setEditable(true);
        parallel.valueProperty().addListener((o, a, b) -> model.concurrencyProperty().set(b));
        commitWhenLeft(parallel);
        TextField owner = new TextField();
        owner.setId("expectedBucketOwner");
        owner.setPromptText("account id (optional)");
        owner.textProperty().bindBidirectional(model.expectedBucketOwnerProperty());
        CheckBox payer = new CheckBox("Requester pays");
        payer.setId("requestPayer");
        payer.selectedProperty().bindBidirectional(model.requestPayerProperty());
        CheckBox bypass = new CheckBox("Bypass governance retention (deletes versions under Object Lock governance"
                + " mode; needs the s3:BypassGovernanceRetention permission)");
        bypass.setId("bypassGovernance");
        bypass.setWrapText(true);
        bypass.getStyleClass().add(Styles.DANGER);
        bypass.selectedProperty().bindBidirectional(model.bypassGovernanceProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.add(quiet, 0, row++, 2, 1);
        grid.addRow(row++, new Label("Keys per request"), batch);
        grid.addRow(row++, new Label("Requests in flight"), parallel);
        grid.addRow(row++, new Label("Expected bucket owner"), owner);
        grid.add(payer, 0, row++, 2, 1);
        grid.add(bypass, 0, row, 2, 1);
        return grid;
    }

    /** What the preview says while the plan is being made (a listing, or checking a large selection). */
    public static final String PLANNING = "Working out what this covers…";

    private static String summaryText(DeleteDialogViewModel model) {
        if (model.problemProperty().get() != null) {
            return model.problemProperty().get();
        }
        if (model.planningProperty().get()) {
            return PLANNING;
        }
        DeletePlan plan = model.planProperty().get();
        if (plan == null) {
            return "";
        }
        if (plan.isEmpty()) {
            return "Nothing matches: there is nothing to delete.";
        }
        DeletePreview p = plan.preview();
        String bytes = p.bytesDeleted() > 0 ? " " + Sizes.human(p.bytesDeleted()) + " of data will be gone." : "";
        return p.summary() + bytes;
    }

    private static String sampleText(DeletePlan plan) {
        if (plan == null || plan.isEmpty()) {
            return "";
        }
        String first = plan.items().stream().limit(DeleteDialogViewModel.SAMPLE_SIZE)
                .map(ref -> "• " + ref).collect(Collectors.joining("\n"));
        int more = plan.items().size() - DeleteDialogViewModel.SAMPLE_SIZE;
        return more > 0 ? first + "\n… and " + more + " more" : first;
    }
}
