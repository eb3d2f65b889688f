package org.bucketsweep.ui.dialog;

import java.nio.file.Path;
import java.util.Optional;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.ui.connect.ConnectViewModel;
import org.bucketsweep.ui.delete.DeleteDialogViewModel;
import org.bucketsweep.ui.lifecycle.LifecycleDialogViewModel;

/**
 * Everything a view model asks the person. The application shows JavaFX dialogs owned by the main window; view-model
 * tests answer with a fake. Every method is called on the UI thread and blocks until the person answers.
 */
public interface DialogService {

    /** The delete dialog: the person chooses, sees the exact plan, and confirms it or not. */
    Optional<DeleteDecision> askDelete(DeleteDialogViewModel model);

    /** Asks for an MFA code for one request; empty when the person cancels. */
    Optional<MfaAnswer> askMfaCode(MfaRequest request, String rememberedSerial);

    /**
     * Asks for the code of the MFA device {@code mfaSerial}, which profile {@code profile} needs to assume its role;
     * empty when the person cancels. The code is used once and never stored or logged.
     */
    Optional<String> askRoleMfaCode(String profile, String mfaSerial);

    /** The connect dialog on this form; empty when the person cancels. */
    Optional<ConnectionSettings> askConnection(ConnectViewModel form);

    /** Asks where to save exported results (CSV or JSON, by the name's ending); empty when the person cancels. */
    Optional<Path> askExportFile(String suggestedName);

    /** Asks before something that cannot be undone; {@code true} only when the person chose the action. */
    boolean confirm(Confirmation confirmation);

    /**
     * The lifecycle dialog, until the person closes it (it applies changes itself). Implementations that never
     * open it (benchmarks, tests of other screens) need not show anything.
     */
    default void showLifecycle(LifecycleDialogViewModel model) {
    }

    /** An expected failure (S3 or network): code, message, request id and what to do, no stack trace. */
    void showFailure(String title, S3Failure failure, Throwable error);
}
