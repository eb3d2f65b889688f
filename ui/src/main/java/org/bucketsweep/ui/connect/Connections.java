package org.bucketsweep.ui.connect;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.connection.SecretStore;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.DialogService;

/**
 * Where connections come from: the AWS profiles, the saved custom connections with their secrets in the keyring,
 * and the opening of a connection, which may need the person (an MFA code for a role profile).
 */
public final class Connections {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final AwsProfiles profiles;
    private final SavedConnections saved;
    private final SecretStore secrets;

    public Connections(TaskRunner tasks, DialogService dialogs, AwsProfiles profiles, SavedConnections saved,
                       SecretStore secrets) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.profiles = profiles;
        this.saved = saved;
        this.secrets = secrets;
    }

    /** This user's AWS profiles only: nothing saved, no keyring. */
    public static Connections profilesOnly(TaskRunner tasks, DialogService dialogs) {
        return new Connections(tasks, dialogs, AwsProfiles.forThisUser(), SavedConnections.inMemory(),
                SecretStore.none("Connections are not saved in this window."));
    }

    /**
     * Opens a connection; blocking (profile files are read, and a role profile with {@code mfa_serial} waits for
     * the person's code on its first request), so call it off the UI thread.
     */
    public S3Connection open(ConnectionSettings settings) {
        return S3Connection.open(settings, profiles, this::askMfaCode);
    }

    /** A connect form, filled in from {@code previous} (may be null). */
    public ConnectViewModel form(ConnectionSettings previous) {
        return new ConnectViewModel(tasks, this, previous);
    }

    AwsProfiles profiles() {
        return profiles;
    }

    SavedConnections saved() {
        return saved;
    }

    SecretStore secrets() {
        return secrets;
    }

    /** Runs on the thread that needs the role's credentials: shows the dialog on the UI thread and waits. */
    private Optional<String> askMfaCode(String profile, String mfaSerial) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        tasks.ui().execute(() -> {
            try {
                answer.complete(dialogs.askRoleMfaCode(profile, mfaSerial));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }
}
