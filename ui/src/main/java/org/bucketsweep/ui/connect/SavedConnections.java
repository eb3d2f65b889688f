package org.bucketsweep.ui.connect;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.connection.CustomConnection;

/**
 * The custom connections the person saved, without their secrets. The application keeps them in its settings
 * file; the calls only change what is in memory and leave the writing to a background thread, so they may be made
 * on the UI thread.
 */
public interface SavedConnections {

    /** In the order they were saved. */
    List<CustomConnection> list();

    /** Adds the connection, or replaces the one of the same name. */
    void save(CustomConnection connection);

    void remove(String name);

    /** Kept in memory only: for tests, and where there is no settings file. */
    static SavedConnections inMemory() {
        return new SavedConnections() {
            private final List<CustomConnection> saved = new ArrayList<>();

            @Override
            public synchronized List<CustomConnection> list() {
                return List.copyOf(saved);
            }

            @Override
            public synchronized void save(CustomConnection connection) {
                remove(connection.name());
                saved.add(connection);
            }

            @Override
            public synchronized void remove(String name) {
                saved.removeIf(c -> c.name().equals(name));
            }
        };
    }
}
