package org.bucketsweep.ui.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.delete.MfaRequest;
import org.bucketsweep.ui.connect.ConnectViewModel;
import org.bucketsweep.ui.delete.DeleteDialogViewModel;
import org.bucketsweep.ui.dialog.Confirmation;
import org.bucketsweep.ui.dialog.DeleteDecision;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.dialog.MfaAnswer;

/** Answers the view models' questions from a script and remembers what was asked. */
public final class FakeDialogs implements DialogService {

    public boolean confirm = true;
    /** How the person fills in the delete dialog before confirming; by default nothing beyond typing the name. */
    public Consumer<DeleteDialogViewModel> fillIn = model -> { };
    public final Deque<MfaAnswer> mfaAnswers = new ArrayDeque<>();
    public final List<DeleteDialogViewModel> deleteDialogs = new ArrayList<>();
    public final List<MfaRequest> mfaRequests = new ArrayList<>();
    public final List<String> rememberedSerials = new ArrayList<>();
    public final List<S3Failure> failures = new ArrayList<>();
    /** Where "Export…" saves; {@code null} answers as a person who cancels the file chooser. */
    public Path exportFile;
    public final Deque<String> roleMfaCodes = new ArrayDeque<>();
    /** "profile serial" of each role MFA code asked for. */
    public final List<String> roleMfaRequests = new ArrayList<>();
    public final List<ConnectViewModel> connectForms = new ArrayList<>();
    /** Every confirmation asked; answered with {@link #confirm}. */
    public final List<Confirmation> confirmations = new ArrayList<>();
    /** Answers to the next confirmations, in order; once empty, {@link #confirm} answers. */
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    /** What happens while a confirmation is on screen (someone else writes to the bucket, say). */
    public Consumer<Confirmation> whileConfirming = confirmation -> { };

    @Override
    public Optional<DeleteDecision> askDelete(DeleteDialogViewModel model) {
        deleteDialogs.add(model);
        fillIn.accept(model);
        model.typedBucketNameProperty().set(model.bucket().name());
        return confirm ? model.decision() : Optional.empty();
    }

    @Override
    public Optional<MfaAnswer> askMfaCode(MfaRequest request, String rememberedSerial) {
        mfaRequests.add(request);
        rememberedSerials.add(rememberedSerial);
        return Optional.ofNullable(mfaAnswers.poll());
    }

    @Override
    public Optional<String> askRoleMfaCode(String profile, String mfaSerial) {
        roleMfaRequests.add(profile + " " + mfaSerial);
        return Optional.ofNullable(roleMfaCodes.poll());
    }

    @Override
    public Optional<ConnectionSettings> askConnection(ConnectViewModel form) {
        connectForms.add(form);
        return Optional.empty();
    }

    @Override
    public Optional<Path> askExportFile(String suggestedName) {
        return Optional.ofNullable(exportFile);
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        confirmations.add(confirmation);
        whileConfirming.accept(confirmation);
        Boolean next = confirmAnswers.poll();
        return next == null ? confirm : next;
    }

    @Override
    public void showFailure(String title, S3Failure failure, Throwable error) {
        failures.add(failure);
    }
}
