package org.bucketsweep.ui.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.ui.concurrent.TaskRunner;

/**
 * The connection form: an AWS profile, or a custom endpoint with keys. The secret key lives only in this form and in
 * the open connection; it is never written anywhere.
 */
public final class ConnectViewModel {

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final BooleanProperty useProfile = new SimpleBooleanProperty(true);
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final BooleanProperty pathStyle = new SimpleBooleanProperty(true);
    private final StringProperty accessKeyId = new SimpleStringProperty("");
    private final StringProperty secretAccessKey = new SimpleStringProperty("");
    private final StringBinding problem;
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();

    public ConnectViewModel(TaskRunner tasks, Supplier<List<String>> profileNames, ConnectionSettings previous) {
        this.tasks = tasks;
        if (previous != null) {
            region.set(previous.region() == null ? "" : previous.region());
            pathStyle.set(previous.pathStyle());
            endpoint.set(previous.endpoint() == null ? "" : previous.endpoint().toString());
            if (previous.credentials() instanceof CredentialsSource.Profile p) {
                profile.set(p.name());
            } else if (previous.credentials() instanceof CredentialsSource.StaticKeys keys) {
                useProfile.set(false);
                accessKeyId.set(keys.accessKeyId());
            }
        }
        tasks.run("read AWS profiles", profileNames::get, names -> {
            profiles.setAll(names);
            if (profile.get().isEmpty() && !names.isEmpty()) {
                profile.set(names.contains("default") ? "default" : names.get(0));
            }
            if (names.isEmpty() && previous == null) {
                useProfile.set(false);
            }
        }, error -> profiles.clear());
        problem = Bindings.createStringBinding(this::findProblem, useProfile, profile, endpoint, accessKeyId,
                secretAccessKey);
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
            return profile.get().isBlank() ? "Choose a profile." : null;
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
            try (S3Connection connection = S3Connection.open(settings)) {
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

    /** The outcome of the last connection test, in words. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The settings the form describes; only call when {@link #problemProperty()} is null. */
    public ConnectionSettings toSettings() {
        URI uri = endpoint.get().isBlank() ? null : URI.create(endpoint.get().trim());
        CredentialsSource credentials = useProfile.get()
                ? new CredentialsSource.Profile(profile.get())
                : new CredentialsSource.StaticKeys(accessKeyId.get().trim(), secretAccessKey.get());
        String name = useProfile.get() ? profile.get() : (uri == null ? "AWS" : uri.getHost());
        return new ConnectionSettings(name, uri, region.get().trim(), uri != null && pathStyle.get(), credentials);
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public BooleanProperty useProfileProperty() {
        return useProfile;
    }

    public StringProperty profileProperty() {
        return profile;
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

    /** What is missing or wrong, or {@code null} when the form can connect. */
    public StringBinding problemProperty() {
        return problem;
    }
}
