package org.bucketsweep.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bucketsweep.app.settings.Settings.Appearance;
import org.bucketsweep.app.settings.Settings.SavedConnection;
import org.bucketsweep.app.settings.Settings.WindowBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path config;

    @Test
    void windowLastConnectionThemeAndColumnWidthsSurviveARestart() throws IOException {
        Settings saved = Settings.defaults()
                .withWindow(new WindowBounds(10, 20, 1000, 700, false))
                .withAppearance(new Appearance(true, Map.of("resultsTable.Key", 320.0, "jobsTable.Job", 210.0)))
                .withLastConnection(new SavedConnection("keys", "minio", "http://127.0.0.1:9000", "us-east-1", true,
                        null, "AKIAEXAMPLE"));
        try (SettingsStore store = new SettingsStore(config)) {
            store.saveLater(saved);
        }

        assertThat(new SettingsStore(config).load()).isEqualTo(saved);
        assertThat(config).isDirectoryContaining("glob:**/settings.json");
        try (var files = Files.list(config)) {
            assertThat(files).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void aFileFromBeforeTheThemeChoiceKeepsItsWindowAndUsesTheLightTheme() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\": 1, \"window\": {\"x\": 5, \"y\": 6,"
                + " \"width\": 900, \"height\": 600, \"maximized\": false}}");

        Settings loaded = new SettingsStore(config).load();

        assertThat(loaded.window()).isEqualTo(new WindowBounds(5, 6, 900, 600, false));
        assertThat(loaded.appearance()).isEqualTo(Appearance.DEFAULT);
    }

    @Test
    void savedConnectionsSurviveARestart() {
        SavedConnection lab = new SavedConnection(SavedConnection.KEYS, "lab", "http://127.0.0.1:9000", null, true,
                null, "AKIALAB");
        SavedConnection ibm = new SavedConnection(SavedConnection.KEYS, "ibm", null, "eu-de", false, null, "ibm-id");
        Settings saved = Settings.defaults().withConnection(lab).withConnection(ibm)
                .withConnection(new SavedConnection(SavedConnection.KEYS, "lab", "http://127.0.0.1:9001", null, true,
                        null, "AKIALAB"))
                .withoutConnection("ibm");
        try (SettingsStore store = new SettingsStore(config)) {
            store.saveLater(saved);
        }

        Settings loaded = new SettingsStore(config).load();
        assertThat(loaded.schemaVersion()).isEqualTo(2);
        assertThat(loaded.connections()).extracting(SavedConnection::endpoint).containsExactly("http://127.0.0.1:9001");
    }

    @Test
    void aVersionOneFileIsMigratedItsLastKeysConnectionBecomingASavedOne() throws IOException {
        Files.writeString(config.resolve("settings.json"), """
                {
                  "schemaVersion" : 1,
                  "window" : { "x" : 1, "y" : 2, "width" : 800, "height" : 600, "maximized" : false },
                  "lastConnection" : { "kind" : "keys", "name" : "127.0.0.1", "endpoint" : "http://127.0.0.1:9000",
                    "region" : "us-east-1", "pathStyle" : true, "profile" : null, "accessKeyId" : "minio" }
                }
                """);

        Settings loaded = new SettingsStore(config).load();

        assertThat(loaded.schemaVersion()).isEqualTo(Settings.SCHEMA_VERSION);
        assertThat(loaded.window().width()).isEqualTo(800);
        assertThat(loaded.connections()).singleElement().isEqualTo(loaded.lastConnection());
        assertThat(loaded.connections().get(0).accessKeyId()).isEqualTo("minio");

        Files.writeString(config.resolve("settings.json"), """
                { "schemaVersion" : 1, "lastConnection" : { "kind" : "profile", "name" : "prod", "profile" : "prod" } }
                """);
        assertThat(new SettingsStore(config).load().connections()).as("profiles are listed from the AWS files")
                .isEmpty();
    }

    @Test
    void anUnreadableOrNewerFileGivesTheDefaults() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{ not json");
        assertThat(new SettingsStore(config).load()).isEqualTo(Settings.defaults());

        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\": 99}");
        assertThat(new SettingsStore(config).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void directoriesFollowEachOperatingSystemsConvention() {
        Path home = Path.of("/home/u");
        assertThat(AppDirectories.of(Map.of(), "Linux", home)).isEqualTo(new AppDirectories(
                home.resolve(".config/bucketsweep"), home.resolve(".local/share/bucketsweep")));
        assertThat(AppDirectories.of(Map.of("BUCKETSWEEP_HOME", "/tmp/b"), "Linux", home).data())
                .isEqualTo(Path.of("/tmp/b/data"));
        assertThat(AppDirectories.of(Map.of("APPDATA", "C:/A", "LOCALAPPDATA", "C:/L"), "Windows 11", home))
                .isEqualTo(new AppDirectories(Path.of("C:/A/BucketSweep"), Path.of("C:/L/BucketSweep")));
    }
}
