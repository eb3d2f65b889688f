package org.bucketsweep.app.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What BucketSweep remembers between runs. Never a secret: for a connection with keys only the access key id is
 * kept; the secret key is in the OS keyring (see {@code OsKeyring}) or typed again.
 *
 * <p>Schema versions: 1 had the window and the last connection; 2 adds the saved custom connections and the
 * appearance (theme, column widths). A version-1 file is read as version 2, its last connection with keys becoming
 * the first saved connection, with the light theme.
 *
 * @param connections custom connections saved by name, in the order they were saved; never null
 * @param appearance  theme and column widths; never null
 */
public record Settings(int schemaVersion, WindowBounds window, SavedConnection lastConnection,
                       List<SavedConnection> connections, Appearance appearance) {

    public static final int SCHEMA_VERSION = 2;

    public Settings {
        connections = connections == null ? List.of() : List.copyOf(connections);
        appearance = appearance == null ? Appearance.DEFAULT : appearance;
    }

    public static Settings defaults() {
        return new Settings(SCHEMA_VERSION, null, null, List.of(), Appearance.DEFAULT);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(SCHEMA_VERSION, bounds, lastConnection, connections, appearance);
    }

    public Settings withLastConnection(SavedConnection connection) {
        return new Settings(SCHEMA_VERSION, window, connection, connections, appearance);
    }

    public Settings withAppearance(Appearance chosen) {
        return new Settings(SCHEMA_VERSION, window, lastConnection, connections, chosen);
    }

    /** Adds a saved connection, or replaces the one of the same name. */
    public Settings withConnection(SavedConnection connection) {
        List<SavedConnection> updated = new ArrayList<>(connections);
        updated.removeIf(c -> c.name().equals(connection.name()));
        updated.add(connection);
        return new Settings(SCHEMA_VERSION, window, lastConnection, updated, appearance);
    }

    public Settings withoutConnection(String name) {
        List<SavedConnection> updated = new ArrayList<>(connections);
        updated.removeIf(c -> c.name().equals(name));
        return new Settings(SCHEMA_VERSION, window, lastConnection, updated, appearance);
    }

    /** These settings in the current schema; a file of an older version is read through this. */
    public Settings migrated() {
        if (schemaVersion >= SCHEMA_VERSION) {
            return this;
        }
        List<SavedConnection> saved = new ArrayList<>(connections);
        if (schemaVersion < 2 && lastConnection != null && SavedConnection.KEYS.equals(lastConnection.kind())
                && lastConnection.accessKeyId() != null && lastConnection.name() != null) {
            saved.add(lastConnection);
        }
        return new Settings(SCHEMA_VERSION, window, lastConnection, saved, appearance);
    }

    /** The main window's place and size. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    /**
     * How the window looks.
     *
     * @param columnWidths widths by "table.column" (for instance "resultsTable.Key")
     */
    public record Appearance(boolean darkTheme, Map<String, Double> columnWidths) {

        public static final Appearance DEFAULT = new Appearance(false, Map.of());

        public Appearance {
            columnWidths = columnWidths == null ? Map.of() : Map.copyOf(columnWidths);
        }
    }

    /**
     * A connection without its secret.
     *
     * @param kind "profile", "keys" or "demo"
     */
    public record SavedConnection(String kind, String name, String endpoint, String region, boolean pathStyle,
                                  String profile, String accessKeyId) {

        public static final String KEYS = "keys";
    }
}
