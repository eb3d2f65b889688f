package org.bucketsweep.app.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Optional;
import org.bucketsweep.model.connection.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret keys in the operating system's keyring (Windows Credential Manager, macOS Keychain, a Secret Service such
 * as GNOME Keyring or KWallet on Linux), through java-keyring. The keyring is opened on first use, off the UI
 * thread. Without one, nothing is kept anywhere: there is deliberately no fallback to a file.
 *
 * <p>Log lines name the connection's key, never the secret.
 */
public final class OsKeyring implements SecretStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OsKeyring.class);
    static final String SERVICE = "BucketSweep";

    /** Opens the OS keyring; {@link Keyring#create()} in the application. */
    @FunctionalInterface
    public interface Opener {
        Keyring open() throws BackendNotSupportedException;
    }

    private final Opener opener;
    private final String osName;
    private Keyring keyring;
    private String unavailable;
    private boolean opened;

    public OsKeyring() {
        this(Keyring::create, System.getProperty("os.name", ""));
    }

    public OsKeyring(Opener opener, String osName) {
        this.opener = opener;
        this.osName = osName;
    }

    @Override
    public boolean available() {
        return keyring() != null;
    }

    @Override
    public synchronized Optional<String> unavailableReason() {
        return keyring() == null ? Optional.of(unavailable) : Optional.empty();
    }

    @Override
    public Optional<String> read(String key) {
        Keyring k = keyring();
        if (k == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(k.getPassword(SERVICE, key));
        } catch (PasswordAccessException e) {
            // Also what a missing entry looks like.
            LOG.debug("No secret in the keyring for '{}': {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean write(String key, String secret) {
        Keyring k = keyring();
        if (k == null) {
            return false;
        }
        try {
            k.setPassword(SERVICE, key, secret);
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("The keyring did not keep the secret for '{}': {}", key, e.getMessage());
            return false;
        }
    }

    @Override
    public void delete(String key) {
        Keyring k = keyring();
        if (k == null) {
            return;
        }
        try {
            k.deletePassword(SERVICE, key);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.debug("Nothing removed from the keyring for '{}': {}", key, e.getMessage());
        }
    }

    private synchronized Keyring keyring() {
        if (!opened) {
            opened = true;
            try {
                keyring = opener.open();
                LOG.info("Secret keys are kept in the keyring ({})", keyring.getKeyringStorageType());
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                unavailable = reasonFor(e);
                LOG.info("No keyring: {} ({})", unavailable, e.getMessage());
            }
        }
        return keyring;
    }

    private String reasonFor(Throwable e) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            return "no keyring service (GNOME Keyring, KWallet or another Secret Service) is running in this"
                    + " session.";
        }
        return "the system keyring could not be opened (" + e.getMessage() + ").";
    }

    @Override
    public synchronized void close() {
        if (keyring != null) {
            try {
                keyring.close();
            } catch (Exception e) {
                LOG.debug("Closing the keyring failed: {}", e.getMessage());
            }
            keyring = null;
        }
    }
}
