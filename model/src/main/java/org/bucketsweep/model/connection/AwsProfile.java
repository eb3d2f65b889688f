package org.bucketsweep.model.connection;

import java.net.URI;
import java.util.Objects;

/**
 * One profile of the AWS config and credentials files, as the connect dialog shows it. Holds no secret.
 *
 * @param region    the profile's {@code region}, or {@code null}
 * @param endpoint  the S3 endpoint the profile names ({@code services} s3 {@code endpoint_url}, else its own
 *                  {@code endpoint_url}), or {@code null} for AWS
 * @param pathStyle the profile's s3 {@code addressing_style = path}
 * @param mfaSerial the MFA device a role profile needs a code from, or {@code null}
 */
public record AwsProfile(String name, ProfileKind kind, String region, URI endpoint, boolean pathStyle,
                         String mfaSerial) {

    public AwsProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** The name with its kind, for a list: "prod (SSO)", "dev (role, MFA)". */
    public String label() {
        return name + " (" + kind.label() + ")";
    }
}
