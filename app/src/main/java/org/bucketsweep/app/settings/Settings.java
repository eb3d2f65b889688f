package org.bucketsweep.app.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What BucketSweep remembers between runs. Never a secret: for a connection with keys only the access key id is
 * kept; the secret key is in the OS keyring (see {@code OsKeyring}) or typed again.
 *
 * <p>Schema versions: 1 had the window and the last connection; 2 adds the saved custom connections. A version-1
 * file is read as version 2, its last connection with keys becoming the first saved connection.
 *
 * @param connections custom connections saved by name, in the order they were saved; never null
 */
public record Settings(int schemaVersion, WindowBounds window, SavedConnection lastConnection,
                       List<SavedConnection> connections) {

    public static final int SCHEMA_VERSION = 2;

    public Settings {
        connections = connections == null ? List.of() : List.copyOf(connections);
    }

    public static Settings defaults() {
        return new Settings(SCHEMA_VERSION, null, null, List.of());
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(SCHEMA_VERSION, bounds, lastConnection, connections);
    }

    public Settings withLastConnection(SavedConnection connection) {
        return new Settings(SCHEMA_VERSION, window, connection, connections);
    }

    /** Adds a saved connection, or replaces the one of the same name. */
    public Settings withConnection(SavedConnection connection) {
        List<SavedConnection> updated = new ArrayList<>(connections);
        updated.removeIf(c -> c.name().equals(connection.name()));
        updated.add(connection);
        return new Settings(SCHEMA_VERSION, window, lastConnection, updated);
    }

    public Settings withoutConnection(String name) {
        List<SavedConnection> updated = new ArrayList<>(connections);
        updated.removeIf(c -> c.name().equals(name));
        return new Settings(SCHEMA_VERSION, window, lastConnection, updated);
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
        return new Settings(SCHEMA_VERSION, window, lastConnection, saved);
    }

    /** The main window's place and size. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
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
