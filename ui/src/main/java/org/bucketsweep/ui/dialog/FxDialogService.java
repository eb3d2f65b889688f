package org.bucketsweep.ui.dialog;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.ui.connect.ConnectDialog;
import org.bucketsweep.ui.connect.ConnectViewModel;
import org.bucketsweep.ui.connect.RoleMfaDialog;
import org.bucketsweep.ui.delete.DeleteDialog;
import org.bucketsweep.ui.delete.DeleteDialogViewModel;
import org.bucketsweep.ui.delete.MfaDialog;
import org.bucketsweep.ui.lifecycle.LifecycleDialog;
import org.bucketsweep.ui.lifecycle.LifecycleDialogViewModel;
import org.controlsfx.dialog.ExceptionDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<DeleteDecision> askDelete(DeleteDialogViewModel model) {
        return show(new DeleteDialog(model));
    }

    @Override
    public void showLifecycle(LifecycleDialogViewModel model) {
        show(new LifecycleDialog(model));
    }

    @Override
    public Optional<MfaAnswer> askMfaCode(MfaRequest request, String rememberedSerial) {
        return show(new MfaDialog(request, rememberedSerial));
    }

    @Override
    public Optional<String> askRoleMfaCode(String profile, String mfaSerial) {
        return show(new RoleMfaDialog(profile, mfaSerial));
    }

    @Override
    public Optional<ConnectionSettings> askConnection(ConnectViewModel form) {
        return show(new ConnectDialog(form));
    }

    @Override
    public Optional<Path> askExportFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export results");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        return show(new ConfirmationDialog(confirmation)).orElse(false);
    }

    @Override
    public void showFailure(String title, S3Failure failure, Throwable error) {
        if (!failure.expected()) {
            LOG.error("{}", title, error);
            ExceptionDialog dialog = new ExceptionDialog(error);
            dialog.setTitle(title);
            dialog.setHeaderText(title + ": " + failure.summary());
            show(dialog);
            return;
        }
        LOG.warn("{}: {} (request id {})", title, failure.summary(), failure.requestId());
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(title);
        StringBuilder text = new StringBuilder();
        text.append("Code: ").append(failure.code()).append('\n');
        text.append("Message: ").append(failure.message()).append('\n');
        if (failure.requestId() != null) {
            text.append("Request id: ").append(failure.requestId()).append('\n');
        }
        if (failure.hint() != null) {
            text.append('\n').append(failure.hint());
        }
        alert.setContentText(text.toString());
        show(alert);
    }

    private <R> Optional<R> show(Dialog<R> dialog) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.setResizable(true);
        return dialog.showAndWait();
    }
}
