package org.bucketsweep.ui.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bucketsweep.model.connection.SecretStore;

/** A keyring in memory: the real one needs a desktop session, which a test machine lacks. */
public final class MemorySecretStore implements SecretStore {

    /** What is kept, by key; a test may look or put a secret in beforehand. */
    public final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public boolean write(String key, String secret) {
        secrets.put(key, secret);
        return true;
    }

    @Override
    public void delete(String key) {
        secrets.remove(key);
    }
}
