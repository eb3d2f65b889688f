package org.bucketsweep.model.connection;

import java.net.URI;
import java.util.Objects;

/**
 * What is needed to reach one S3 service.
 *
 * @param name        what the person calls this connection
 * @param endpoint    a custom endpoint (MinIO, Ceph RGW, IBM COS, a local server), or {@code null} for AWS
 * @param region      the signing region, or {@code null} to take the profile's region or {@code us-east-1}
 * @param pathStyle   {@code http://host/bucket/key} instead of {@code http://bucket.host/key}
 * @param credentials where the keys come from
 * @param noConnectionReuse open a new HTTP connection for every request: for servers that can leave a connection
 *                    unusable after a response (the demo sandbox's local-s3 sends a Content-Length counted in
 *                    characters for listings with non-ASCII names, and the next response on that connection hangs)
 */
public record ConnectionSettings(String name, URI endpoint, String region, boolean pathStyle,
                                 CredentialsSource credentials, boolean noConnectionReuse) {

    public static final String DEFAULT_REGION = "us-east-1";

    public ConnectionSettings(String name, URI endpoint, String region, boolean pathStyle,
                              CredentialsSource credentials) {
        this(name, endpoint, region, pathStyle, credentials, false);
    }

    public ConnectionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentials, "credentials");
        if (region != null && region.isBlank()) {
            region = null;
        }
    }

    /** Where requests go, for titles and the journal: the endpoint, or "AWS S3 (region)". */
    public String describeEndpoint() {
        return endpoint != null ? endpoint.toString() : "AWS S3 (" + (region == null ? "default region" : region) + ")";
    }
}
