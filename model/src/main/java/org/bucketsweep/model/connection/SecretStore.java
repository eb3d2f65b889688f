package org.bucketsweep.model.connection;

import java.util.Optional;

/**
 * Where the secret keys of saved connections are kept: the operating system's keyring, never a file of ours. When
 * there is no keyring (a Linux session without a Secret Service, a locked-down machine) nothing is kept and the
 * person types the secret each time. Every method may talk to the OS: call off the UI thread.
 */
public interface SecretStore {

    /** Whether secrets can be kept here; when not, {@link #unavailableReason()} says why. */
    boolean available();

    /** Why no secret can be kept, for the person; empty when {@link #available()}. */
    Optional<String> unavailableReason();

    /** The secret kept under {@code key}, or empty (none kept, or no keyring). */
    Optional<String> read(String key);

    /** Keeps {@code secret} under {@code key}; false when it could not be kept (and it is then kept nowhere). */
    boolean write(String key, String secret);

    /** Forgets the secret under {@code key}, if any. */
    void delete(String key);

    /** A store that keeps nothing, for tests and for machines without a keyring. */
    static SecretStore none(String reason) {
        return new SecretStore() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of(reason);
            }

            @Override
            public Optional<String> read(String key) {
                return Optional.empty();
            }

            @Override
            public boolean write(String key, String secret) {
                return false;
            }

            @Override
            public void delete(String key) {
                // nothing is kept
            }
        };
    }
}
