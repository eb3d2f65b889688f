package org.bucketsweep.model.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bucketsweep.model.connection.AwsProfiles;

/**
 * An AWS config file and credentials file written into a temporary folder, for tests of profiles: reached through
 * {@link AwsProfiles} directly, or through the environment variables that name them (the command line).
 */
public record AwsConfigFiles(Path config, Path credentials) {

    public static final String ROLE_ARN = "arn:aws:iam::111122223333:role/dev";
    public static final String MFA_SERIAL = "arn:aws:iam::111122223333:mfa/alice";

    /** Writes both files into {@code dir}, which is created if need be; either text may be empty. */
    public static AwsConfigFiles write(Path dir, String config, String credentials) throws IOException {
        Files.createDirectories(dir);
        return new AwsConfigFiles(Files.writeString(dir.resolve("config"), config),
                Files.writeString(dir.resolve("credentials"), credentials));
    }

    /**
     * Profile {@code dev} assumes role {@link #ROLE_ARN} with a code of {@link #MFA_SERIAL}, with the keys of
     * profile {@code base}; its S3 requests go to {@code s3} (path-style) and its AssumeRole to {@code sts} (a
     * {@link StsStandIn}), both named in a services section as the AWS CLI allows.
     */
    public static AwsConfigFiles roleWithMfa(Path dir, URI s3, URI sts) throws IOException {
        return write(dir, """
                [profile dev]
                role_arn = %s
                source_profile = base
                mfa_serial = %s
                duration_seconds = 900
                region = us-east-1
                services = local
                s3 =
                  addressing_style = path

                [services local]
                s3 =
                  endpoint_url = %s
                sts =
                  endpoint_url = %s

                [profile base]
                region = us-east-1
                """.formatted(ROLE_ARN, MFA_SERIAL, s3, sts), """
                [base]
                aws_access_key_id = base-access
                aws_secret_access_key = base-secret
                """);
    }

    /** The profiles of these files; {@code preferred} as {@code AWS_PROFILE}, or {@code null}. */
    public AwsProfiles profiles(String preferred) {
        return AwsProfiles.of(config, credentials, preferred);
    }

    /** The environment variables that name these files. */
    public Map<String, String> env() {
        return Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    }
}
