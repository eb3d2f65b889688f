package org.bucketsweep.model.connection;

import java.util.Objects;

/**
 * Where a connection's credentials come from. The secret parts never appear in {@link #toString()}, so a settings
 * object can be logged safely.
 */
public sealed interface CredentialsSource {

    /** A named profile of {@code ~/.aws/config} and {@code ~/.aws/credentials}. */
    record Profile(String name) implements CredentialsSource {
        public Profile {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The SDK's default chain: environment variables, system properties, the default profile, instance roles. */
    record DefaultChain() implements CredentialsSource {
    }

    /** Keys typed by the person or read from the environment; kept in memory only. */
    record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) implements CredentialsSource {
        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        public StaticKeys(String accessKeyId, String secretAccessKey) {
            this(accessKeyId, secretAccessKey, null);
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                    + (sessionToken == null ? "" : ", sessionToken=***") + "]";
        }
    }
}
