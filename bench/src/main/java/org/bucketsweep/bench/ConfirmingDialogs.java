package org.bucketsweep.bench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.ui.connect.ConnectViewModel;
import org.bucketsweep.ui.delete.DeleteDialogViewModel;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DeleteDecision;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.dialog.MfaAnswer;

/**
 * A person who confirms every delete at once, as planned: types the bucket name where the dialog asks for it. A
 * failure shown to them is kept, so that the run counts as wrong.
 */
final class ConfirmingDialogs implements DialogService {

    private final AtomicReference<String> failure = new AtomicReference<>();

    @Override
    public Optional<DeleteDecision> askDelete(DeleteDialogViewModel model) {
        model.typedBucketNameProperty().set(model.bucket().name());
        if (model.planningProperty().get()) {
            // The plan is made in the background: wait for it in a nested event loop, as the real dialog's
            // showAndWait does, so that the JavaFX thread keeps running pulses meanwhile.
            Object key = new Object();
            InvalidationListener planned = o -> {
                if (!model.planningProperty().get()) {
                    Platform.exitNestedEventLoop(key, null);
                }
            };
            model.planningProperty().addListener(planned);
            Platform.enterNestedEventLoop(key);
            model.planningProperty().removeListener(planned);
        }
        return model.decision();
    }

    @Override
    public Optional<MfaAnswer> askMfaCode(MfaRequest request, String rememberedSerial) {
        return Optional.empty();
    }

    @Override
    public Optional<String> askRoleMfaCode(String profile, String mfaSerial) {
        return Optional.empty();
    }

    @Override
    public Optional<ConnectionSettings> askConnection(ConnectViewModel form) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> askExportFile(String suggestedName) {
        return Optional.empty();
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        return true;
    }

    @Override
    public void showFailure(String title, S3Failure failure, Throwable error) {
        this.failure.compareAndSet(null, title + ": " + failure.summary());
    }

    /** The first failure shown since the last call, or null. */
    String takeFailure() {
        return failure.getAndSet(null);
    }
}
