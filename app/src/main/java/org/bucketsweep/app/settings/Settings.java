package org.bucketsweep.app.settings;

import java.util.Map;

/**
 * What BucketSweep remembers between runs. Never a secret: for a connection with keys only the access key id is
 * kept, and the person types the secret again.
 */
public record Settings(int schemaVersion, WindowBounds window, SavedConnection lastConnection,
                       Appearance appearance) {

    public static final int SCHEMA_VERSION = 1;

    public Settings {
        appearance = appearance == null ? Appearance.DEFAULT : appearance;
    }

    public static Settings defaults() {
        return new Settings(SCHEMA_VERSION, null, null, Appearance.DEFAULT);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(SCHEMA_VERSION, bounds, lastConnection, appearance);
    }

    public Settings withLastConnection(SavedConnection connection) {
        return new Settings(SCHEMA_VERSION, window, connection, appearance);
    }

    public Settings withAppearance(Appearance chosen) {
        return new Settings(SCHEMA_VERSION, window, lastConnection, chosen);
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
