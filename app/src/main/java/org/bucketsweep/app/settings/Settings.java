package org.bucketsweep.app.settings;

/**
 * What BucketSweep remembers between runs. Never a secret: for a connection with keys only the access key id is
 * kept, and the person types the secret again.
 */
public record Settings(int schemaVersion, WindowBounds window, SavedConnection lastConnection) {

    public static final int SCHEMA_VERSION = 1;

    public static Settings defaults() {
        return new Settings(SCHEMA_VERSION, null, null);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(SCHEMA_VERSION, bounds, lastConnection);
    }

    public Settings withLastConnection(SavedConnection connection) {
        return new Settings(SCHEMA_VERSION, window, connection);
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
    }
}
