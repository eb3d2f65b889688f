package org.bucketsweep.ui.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.connection.AwsProfile;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.CustomConnection;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection form: an AWS profile, or an endpoint with keys, optionally saved under a name. The secret key lives
 * in this form, the open connection and the OS keyring (when there is one), never in a file of ours.
 */
public final class ConnectViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectViewModel.class);

    private final TaskRunner tasks;
    private final Connections connections;
    private final ObservableList<AwsProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<AwsProfile> profile = new SimpleObjectProperty<>();
    private final BooleanProperty useProfile = new SimpleBooleanProperty(true);
    private final ObservableList<CustomConnection> saved = FXCollections.observableArrayList();
    private final ObjectProperty<CustomConnection> savedConnection = new SimpleObjectProperty<>();
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final BooleanProperty pathStyle = new SimpleBooleanProperty(true);
    private final StringProperty accessKeyId = new SimpleStringProperty("");
    private final StringProperty secretAccessKey = new SimpleStringProperty("");
    private final BooleanProperty save = new SimpleBooleanProperty();
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper keyringAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keyringNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final StringBinding problem;
    /** Set while the form is filled in from the previous connection, so a profile's values do not replace it. */
    private boolean restoring;

    /** What is read in the background when the form opens. */
    private record Loaded(List<AwsProfile> profiles, String preferred, boolean keyring, Optional<String> whyNot) {
    }

    ConnectViewModel(TaskRunner tasks, Connections connections, ConnectionSettings previous) {
        this.tasks = tasks;
        this.connections = connections;
        saved.setAll(connections.saved().list());
        profile.addListener((obs, was, now) -> {
            if (now != null && !restoring) {
                endpoint.set(now.endpoint() == null ? "" : now.endpoint().toString());
                region.set(now.region() == null ? "" : now.region());
                pathStyle.set(now.endpoint() == null || now.pathStyle());
            }
        });
        savedConnection.addListener((obs, was, now) -> {
            if (now != null) {
                fillFrom(now);
            }
        });
        if (previous != null) {
            restore(previous);
        }
        problem = Bindings.createStringBinding(this::findProblem, useProfile, profile, endpoint, accessKeyId,
                secretAccessKey);
        tasks.run("read AWS profiles and the keyring", () -> new Loaded(connections.profiles().list(),
                connections.profiles().preferredProfile(), connections.secrets().available(),
                connections.secrets().unavailableReason()), loaded -> loaded(loaded, previous), error -> {
                    LOG.warn("Could not read the AWS profiles: {}", error.getMessage());
                    profiles.clear();
                });
    }

    private void restore(ConnectionSettings previous) {
        region.set(previous.region() == null ? "" : previous.region());
        pathStyle.set(previous.pathStyle());
        endpoint.set(previous.endpoint() == null ? "" : previous.endpoint().toString());
        if (previous.credentials() instanceof CredentialsSource.StaticKeys keys) {
            useProfile.set(false);
            accessKeyId.set(keys.accessKeyId());
            name.set(previous.name());
            saved.stream().filter(c -> c.name().equals(previous.name())
                            && c.accessKeyId().equals(keys.accessKeyId()))
                    .findFirst().ifPresent(savedConnection::set);
        }
    }

    private void loaded(Loaded loaded, ConnectionSettings previous) {
        keyringAvailable.set(loaded.keyring());
        keyringNote.set(loaded.keyring()
                ? "Saved secret keys are kept in the system keyring, never in BucketSweep's files."
                : "Secret keys are not saved: " + loaded.whyNot().orElse("there is no system keyring.")
                  + " Type the secret key each time you connect; BucketSweep never writes it to a file.");
        profiles.setAll(loaded.profiles());
        String wanted = previous != null && previous.credentials() instanceof CredentialsSource.Profile p
                ? p.name() : loaded.preferred();
        Optional<AwsProfile> choice = loaded.profiles().stream().filter(p -> p.name().equals(wanted)).findFirst()
                .or(() -> loaded.profiles().stream().findFirst());
        restoring = previous != null;
        try {
            choice.ifPresent(profile::set);
        } finally {
            restoring = false;
        }
        if (loaded.profiles().isEmpty() && previous == null) {
            useProfile.set(false);
        }
    }

    /** Fills the form from a saved connection and looks for its secret key in the keyring. */
    private void fillFrom(CustomConnection connection) {
        useProfile.set(false);
        name.set(connection.name());
        endpoint.set(connection.endpoint() == null ? "" : connection.endpoint().toString());
        region.set(connection.region() == null ? "" : connection.region());
        pathStyle.set(connection.pathStyle());
        accessKeyId.set(connection.accessKeyId());
        secretAccessKey.set("");
        readSecret(connection);
    }

    private void readSecret(CustomConnection connection) {
        tasks.run("read secret key from keyring", () -> connections.secrets().read(connection.secretKey()),
                secret -> {
                    if (connection.equals(savedConnection.get()) && secretAccessKey.get().isEmpty()) {
                        secret.ifPresent(secretAccessKey::set);
                    }
                }, error -> LOG.warn("Could not read the keyring: {}", error.getMessage()));
    }

    private String findProblem() {
        if (!endpoint.get().isBlank()) {
            try {
                URI uri = new URI(endpoint.get().trim());
                if (uri.getScheme() == null || uri.getHost() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    return "The endpoint must be a URL such as https://s3.example.com or http://127.0.0.1:9000.";
                }
            } catch (URISyntaxException e) {
                return "The endpoint is not a valid URL.";
            }
        }
        if (useProfile.get()) {
            return profile.get() == null ? "Choose a profile." : null;
        }
        if (accessKeyId.get().isBlank() || secretAccessKey.get().isEmpty()) {
            return "Enter the access key id and the secret access key.";
        }
        return null;
    }

    /** Fills endpoint, region and path-style from a preset. */
    public void apply(EndpointPreset preset) {
        endpoint.set(preset.endpoint());
        region.set(preset.region());
        pathStyle.set(preset.pathStyle());
    }

    /**
     * Connects and lists the buckets once, in the background, and says in words what happened: how many buckets,
     * or which problem (unknown host, TLS, wrong keys, expired token, access denied, clock skew) and what to do.
     */
    public void testConnection() {
        if (problem.get() != null) {
            testResult.set(problem.get());
            return;
        }
        ConnectionSettings settings = toSettings();
        testing.set(true);
        testResult.set("Testing…");
        tasks.run("test connection", () -> {
            try (S3Connection connection = connections.open(settings)) {
                return new BucketBrowser(connection).listBuckets().size();
            }
        }, count -> {
            testing.set(false);
            testResult.set("Connected: " + count + (count == 1 ? " bucket." : " buckets."));
        }, error -> {
            testing.set(false);
            S3Failure failure = S3Failure.of(error);
            testResult.set(failure.summary() + (failure.hint() == null ? "" : "\n" + failure.hint()));
        });
    }

    /**
     * The settings to connect with; saves the connection first when asked to (its secret key goes to the keyring
     * in the background). Only call when {@link #problemProperty()} is null.
     */
    public ConnectionSettings confirm() {
        ConnectionSettings settings = toSettings();
        if (save.get() && !useProfile.get()) {
            CustomConnection connection = toCustomConnection();
            connections.saved().save(connection);
            String secret = secretAccessKey.get();
            tasks.run("keep secret key in keyring", () -> connections.secrets().write(connection.secretKey(), secret),
                    kept -> LOG.info("Saved connection '{}'{}", connection.name(),
                            kept ? " with its secret key in the keyring" : " without its secret key (no keyring)"),
                    error -> LOG.warn("Could not keep the secret key of '{}' in the keyring: {}", connection.name(),
                            error.getMessage()));
        }
        return settings;
    }

    /** Forgets the chosen saved connection and its secret key. */
    public void forgetSavedConnection() {
        CustomConnection connection = savedConnection.get();
        if (connection == null) {
            return;
        }
        connections.saved().remove(connection.name());
        saved.remove(connection);
        savedConnection.set(null);
        tasks.run("forget secret key", () -> {
            connections.secrets().delete(connection.secretKey());
            return connection;
        }, forgotten -> { }, error -> LOG.warn("Could not remove the secret key of '{}' from the keyring: {}",
                connection.name(), error.getMessage()));
    }

    /** The settings the form describes; only call when {@link #problemProperty()} is null. */
    public ConnectionSettings toSettings() {
        if (useProfile.get()) {
            URI uri = endpointUri();
            String profileName = profile.get().name();
            return new ConnectionSettings(profileName, uri, region.get().trim(), uri != null && pathStyle.get(),
                    new CredentialsSource.Profile(profileName));
        }
        return toCustomConnection().toSettings(secretAccessKey.get());
    }

    private CustomConnection toCustomConnection() {
        URI uri = endpointUri();
        String chosenName = name.get().isBlank() ? (uri == null ? "AWS" : uri.getHost()) : name.get().trim();
        return new CustomConnection(chosenName, uri, region.get().trim(), pathStyle.get(), accessKeyId.get().trim());
    }

    private URI endpointUri() {
        return endpoint.get().isBlank() ? null : URI.create(endpoint.get().trim());
    }

    /** The outcome of the last connection test, in words. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** Every profile of the AWS files, with its kind ({@link AwsProfile#label()}). */
    public ObservableList<AwsProfile> profiles() {
        return profiles;
    }

    /** The chosen profile; choosing one fills endpoint, region and path-style from it. */
    public ObjectProperty<AwsProfile> profileProperty() {
        return profile;
    }

    public BooleanProperty useProfileProperty() {
        return useProfile;
    }

    /** The custom connections saved earlier. */
    public ObservableList<CustomConnection> savedConnections() {
        return saved;
    }

    /** The chosen saved connection; choosing one fills the form and its secret key from the keyring. */
    public ObjectProperty<CustomConnection> savedConnectionProperty() {
        return savedConnection;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public BooleanProperty pathStyleProperty() {
        return pathStyle;
    }

    public StringProperty accessKeyIdProperty() {
        return accessKeyId;
    }

    public StringProperty secretAccessKeyProperty() {
        return secretAccessKey;
    }

    /** Whether to save this connection (keys only) under {@link #nameProperty()} when connecting. */
    public BooleanProperty saveProperty() {
        return save;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Whether a system keyring keeps secret keys; known once the form has looked. */
    public ReadOnlyBooleanProperty keyringAvailableProperty() {
        return keyringAvailable.getReadOnlyProperty();
    }

    /** Where secret keys are kept, or why they are not kept, in words. */
    public ReadOnlyStringProperty keyringNoteProperty() {
        return keyringNote.getReadOnlyProperty();
    }

    /** What is missing or wrong, or {@code null} when the form can connect. */
    public StringBinding problemProperty() {
        return problem;
    }
}
