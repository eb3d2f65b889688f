package org.bucketsweep.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.BackendNotSupportedException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.CustomConnection;
import org.bucketsweep.ui.connect.ConnectViewModel;
import org.bucketsweep.ui.connect.Connections;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret keys of saved connections: in the OS keyring or nowhere, never in a file of ours. */
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
    void savingAConnectionWritesItsAccessKeyIdButNeverItsSecret() throws IOException {
        Path config = dir.resolve("config");
        Settings[] current = {Settings.defaults()};
        try (SettingsStore store = new SettingsStore(config)) {
            SettingsConnections saved = new SettingsConnections(() -> current[0], change -> {
                current[0] = change.apply(current[0]);
                store.saveLater(current[0]);
            });
            Connections connections = new Connections(new DirectTaskRunner(), null,
                    AwsProfiles.of(dir.resolve("none"), dir.resolve("none"), null), saved, noKeyring);
            ConnectViewModel form = connections.form(null);
            form.useProfileProperty().set(false);
            form.endpointProperty().set("http://127.0.0.1:9000");
            form.accessKeyIdProperty().set("AKIALAB");
            form.secretAccessKeyProperty().set(SECRET);
            form.saveProperty().set(true);
            form.nameProperty().set("lab");

            form.confirm();

            assertThat(saved.list()).containsExactly(new CustomConnection("lab", URI.create("http://127.0.0.1:9000"),
                    null, true, "AKIALAB"));
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
    }
}
