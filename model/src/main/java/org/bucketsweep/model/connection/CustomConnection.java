package org.bucketsweep.model.connection;

import java.net.URI;
import java.util.Objects;

/**
 * A connection the person saved under a name: an endpoint with an access key. It holds no secret; the secret key
 * is in the {@link SecretStore} under {@link #secretKey()}, or typed again each time.
 *
 * @param endpoint  the S3-compatible endpoint, or {@code null} for AWS
 * @param region    the signing region, or {@code null}
 */
public record CustomConnection(String name, URI endpoint, String region, boolean pathStyle, String accessKeyId) {

    public CustomConnection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        if (region != null && region.isBlank()) {
            region = null;
        }
    }

    /** The key its secret is kept under: the name and the access key id, so a changed key never gets an old secret. */
    public String secretKey() {
        return name + " / " + accessKeyId;
    }

    /** The settings to connect with, given the secret key. */
    public ConnectionSettings toSettings(String secretAccessKey) {
        return new ConnectionSettings(name, endpoint, region, endpoint != null && pathStyle,
                new CredentialsSource.StaticKeys(accessKeyId, secretAccessKey));
    }
}
