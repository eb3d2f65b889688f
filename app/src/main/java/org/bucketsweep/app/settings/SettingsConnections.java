package org.bucketsweep.app.settings;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.bucketsweep.app.settings.Settings.SavedConnection;
import org.bucketsweep.model.connection.CustomConnection;
import org.bucketsweep.ui.connect.SavedConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The saved custom connections, kept in the settings file: name, endpoint, region, path-style, access key id. */
public final class SettingsConnections implements SavedConnections {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsConnections.class);

    private final Supplier<Settings> settings;
    private final Consumer<UnaryOperator<Settings>> update;

    /**
     * @param settings the current settings
     * @param update   applies a change to the settings and saves them
     */
    public SettingsConnections(Supplier<Settings> settings, Consumer<UnaryOperator<Settings>> update) {
        this.settings = settings;
        this.update = update;
    }

    @Override
    public List<CustomConnection> list() {
        return settings.get().connections().stream()
                .filter(c -> c.name() != null && c.accessKeyId() != null)
                .map(SettingsConnections::toCustom)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public void save(CustomConnection connection) {
        SavedConnection saved = new SavedConnection(SavedConnection.KEYS, connection.name(),
                connection.endpoint() == null ? null : connection.endpoint().toString(), connection.region(),
                connection.pathStyle(), null, connection.accessKeyId());
        update.accept(s -> s.withConnection(saved));
    }

    @Override
    public void remove(String name) {
        update.accept(s -> s.withoutConnection(name));
    }

    private static Optional<CustomConnection> toCustom(SavedConnection saved) {
        try {
            URI endpoint = saved.endpoint() == null || saved.endpoint().isBlank() ? null : URI.create(saved.endpoint());
            return Optional.of(new CustomConnection(saved.name(), endpoint, saved.region(),
                    saved.pathStyle(), saved.accessKeyId()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring saved connection '{}' with a broken endpoint: {}", saved.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
