package org.bucketsweep.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.javakeyring.BackendNotSupportedException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.CustomConnection;
import org.bucketsweep.model.connection.SecretStore;
import org.bucketsweep.ui.connect.ConnectViewModel;
import org.bucketsweep.ui.connect.Connections;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.testing.MemorySecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Secret keys of saved connections: in the OS keyring or nowhere, never in a file of ours or the log. */
class SecretKeysTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    /** This machine kind has no Secret Service; the test pins that case rather than depend on the desktop. */
    private final OsKeyring noKeyring = new OsKeyring(() -> {
        throw new BackendNotSupportedException("No available keyring backend found");
    }, "Linux");

    @Test
    void withoutAKeyringNothingIsKeptAndThePersonIsToldWhy() {
        assertThat(noKeyring.available()).isFalse();
        assertThat(noKeyring.unavailableReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("Secret Service").contains("GNOME Keyring"));
        assertThat(noKeyring.write("lab / AKIA", SECRET)).isFalse();
        assertThat(noKeyring.read("lab / AKIA")).isEmpty();
        noKeyring.delete("lab / AKIA");

        OsKeyring broken = new OsKeyring(() -> {
            throw new UnsatisfiedLinkError("libdbus");
        }, "Windows 11");
        assertThat(broken.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason).contains("libdbus"));
    }

    @Test
    void withoutAKeyringSavingAConnectionWritesItsAccessKeyIdButNeverItsSecret() throws IOException {
        List<String> log = saveAndTestLab(noKeyring);

        assertThat(log).anySatisfy(line -> assertThat(line).contains("without its secret key"));
    }

    @Test
    void withAKeyringTheSecretGoesThereAndStillNeverIntoOurFilesOrTheLog() throws IOException {
        MemorySecretStore keyring = new MemorySecretStore();

        List<String> log = saveAndTestLab(keyring);

        assertThat(keyring.secrets).containsValue(SECRET);
        assertThat(log).anySatisfy(line -> assertThat(line).contains("with its secret key in the keyring"));
    }

    /**
     * Saves connection "lab" with its secret, as the connect dialog does, tests it (nothing listens, so it fails),
     * and checks that the settings are saved without the secret and that no file of ours and no log line holds it.
     *
     * @return what BucketSweep logged meanwhile, at every level
     */
    private List<String> saveAndTestLab(SecretStore secrets) throws IOException {
        Path config = dir.resolve("config");
        Settings[] current = {Settings.defaults()};
        Logger bucketsweep = (Logger) LoggerFactory.getLogger("org.bucketsweep");
        Level level = bucketsweep.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        bucketsweep.addAppender(log);
        bucketsweep.setLevel(Level.ALL);
        try (SettingsStore store = new SettingsStore(config)) {
            SettingsConnections saved = new SettingsConnections(() -> current[0], change -> {
                current[0] = change.apply(current[0]);
                store.saveLater(current[0]);
            });
            Connections connections = new Connections(new DirectTaskRunner(), new FakeDialogs(),
                    AwsProfiles.of(dir.resolve("none"), dir.resolve("none"), null), saved, secrets);
            ConnectViewModel form = connections.form(null);
            form.useProfileProperty().set(false);
            form.endpointProperty().set("http://127.0.0.1:1");
            form.accessKeyIdProperty().set("AKIALAB");
            form.secretAccessKeyProperty().set(SECRET);
            form.saveProperty().set(true);
            form.nameProperty().set("lab");

            form.testConnection();
            form.confirm();

            assertThat(form.testResultProperty().get()).doesNotContain(SECRET);
            assertThat(saved.list()).containsExactly(new CustomConnection("lab", URI.create("http://127.0.0.1:1"),
                    null, true, "AKIALAB"));
        } finally {
            bucketsweep.detachAppender(log);
            bucketsweep.setLevel(level);
        }

        String file = Files.readString(config.resolve("settings.json"));
        assertThat(file).contains("\"lab\"").contains("AKIALAB").doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(path)).as(path.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(new SettingsStore(config).load().connections()).extracting(Settings.SavedConnection::name)
                .isEqualTo(List.of("lab"));
        List<String> lines = log.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        assertThat(lines).as("what was logged").isNotEmpty().noneMatch(line -> line.contains(SECRET));
        return lines;
    }
}
