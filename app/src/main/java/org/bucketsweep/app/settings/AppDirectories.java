package org.bucketsweep.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where BucketSweep keeps its settings (config) and its logs and job journals (data), by each OS's convention.
 * {@code BUCKETSWEEP_HOME} puts both under one folder, for tests and portable installs.
 */
public record AppDirectories(Path config, Path data) {

    private static final String APP = "BucketSweep";

    public static AppDirectories forThisUser() {
        return forEnvironment(System.getenv());
    }

    /** This user's directories, as the given environment variables place them. */
    public static AppDirectories forEnvironment(Map<String, String> env) {
        return of(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The directories for this environment (BUCKETSWEEP_HOME, XDG_*, APPDATA …), OS and home folder. */
    public static AppDirectories of(Map<String, String> env, String osName, Path home) {
        String override = env.get("BUCKETSWEEP_HOME");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new AppDirectories(root.resolve("config"), root.resolve("data"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path localAppData = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirectories(appData.resolve(APP), localAppData.resolve(APP));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve(APP);
            return new AppDirectories(support, support);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        return new AppDirectories(config.resolve("bucketsweep"), data.resolve("bucketsweep"));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
