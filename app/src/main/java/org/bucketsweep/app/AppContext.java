package org.bucketsweep.app;

import java.net.URI;
import java.nio.file.Path;
import org.bucketsweep.app.demo.DemoSandbox;
import org.bucketsweep.app.settings.AppDirectories;
import org.bucketsweep.app.settings.OsKeyring;
import org.bucketsweep.app.settings.Settings;
import org.bucketsweep.app.settings.Settings.SavedConnection;
import org.bucketsweep.app.settings.SettingsConnections;
import org.bucketsweep.app.settings.SettingsStore;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.ui.concurrent.FxTaskRunner;
import org.bucketsweep.ui.connect.Connections;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.main.MainViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the services once and hands them to the view models. */
public final class AppContext implements AutoCloseable {

    static final String DEMO_NAME = "Demo sandbox";
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppDirectories directories;
    private final SettingsStore settingsStore;
    private final FxTaskRunner tasks = new FxTaskRunner();
    /** Opened on first use, which is always on a background task. */
    private final OsKeyring keyring = new OsKeyring();
    private volatile Settings settings;
    private DemoSandbox demo;
    private MainViewModel main;

    public AppContext(AppDirectories directories) {
        this.directories = directories;
        this.settingsStore = new SettingsStore(directories.config());
        this.settings = settingsStore.load();
    }

    public MainViewModel mainViewModel(DialogService dialogs) {
        if (main == null) {
            main = new MainViewModel(tasks, dialogs, this::startDemoSandbox, this::remember, journalDir(),
                    new Connections(tasks, dialogs, AwsProfiles.forThisUser(),
                            new SettingsConnections(this::settings, this::updateSettings), keyring));
        }
        return main;
    }

    /** Where every delete job keeps its journal. */
    public Path journalDir() {
        return directories.data().resolve("journal");
    }

    public FxTaskRunner tasks() {
        return tasks;
    }

    public Settings settings() {
        return settings;
    }

    public void updateSettings(java.util.function.UnaryOperator<Settings> change) {
        settings = change.apply(settings);
        settingsStore.saveLater(settings);
    }

    /** Starts the demo server once per run; blocking, so called from a background task. */
    synchronized ConnectionSettings startDemoSandbox() {
        if (demo == null) {
            demo = DemoSandbox.start();
        }
        return new ConnectionSettings(DEMO_NAME, demo.endpoint(), demo.region(), true,
                new CredentialsSource.StaticKeys(demo.accessKeyId(), demo.secretAccessKey()), true);
    }

    /** The connection to open at start-up without asking: the last one, if it was a profile. */
    ConnectionSettings connectionToRestore() {
        SavedConnection saved = settings.lastConnection();
        if (saved == null || !"profile".equals(saved.kind()) || saved.profile() == null) {
            return null;
        }
        return new ConnectionSettings(saved.name(), saved.endpoint() == null ? null : URI.create(saved.endpoint()),
                saved.region(), saved.pathStyle(), new CredentialsSource.Profile(saved.profile()));
    }

    private void remember(ConnectionSettings connection) {
        SavedConnection saved;
        if (DEMO_NAME.equals(connection.name())) {
            saved = new SavedConnection("demo", DEMO_NAME, null, null, true, null, null);
        } else if (connection.credentials() instanceof CredentialsSource.Profile p) {
            saved = new SavedConnection("profile", connection.name(), endpointText(connection), connection.region(),
                    connection.pathStyle(), p.name(), null);
        } else if (connection.credentials() instanceof CredentialsSource.StaticKeys keys) {
            saved = new SavedConnection("keys", connection.name(), endpointText(connection), connection.region(),
                    connection.pathStyle(), null, keys.accessKeyId());
        } else {
            return;
        }
        updateSettings(s -> s.withLastConnection(saved));
    }

    private static String endpointText(ConnectionSettings connection) {
        return connection.endpoint() == null ? null : connection.endpoint().toString();
    }

    /** Closes the connection, stops the demo server and waits for the settings to be written. */
    @Override
    public void close() {
        if (main != null) {
            main.close();
        }
        tasks.close();
        synchronized (this) {
            if (demo != null) {
                try {
                    demo.close();
                } catch (RuntimeException e) {
                    LOG.warn("Stopping the demo sandbox failed: {}", e.getMessage());
                }
            }
        }
        keyring.close();
        settingsStore.close();
    }

}
