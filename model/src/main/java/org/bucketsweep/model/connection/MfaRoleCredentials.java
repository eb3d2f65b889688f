package org.bucketsweep.model.connection;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Credentials for a profile with {@code role_arn} and {@code mfa_serial}. The SDK's profile support ignores
 * {@code mfa_serial} and would call AssumeRole without a code, which a role that demands MFA refuses with
 * AccessDenied; so this asks for a code each time the role's session is renewed and sends it as TokenCode.
 */
final class MfaRoleCredentials {

    private MfaRoleCredentials() {
    }

    /**
     * @param owned receives what the caller must close with the connection (the STS client and the source
     *              credentials)
     */
    static AwsCredentialsProvider create(ProfileFile files, Profile profile, String region, MfaCodePrompt prompt,
                                         SdkHttpClient http, List<AutoCloseable> owned) {
        String roleArn = profile.property(ProfileProperty.ROLE_ARN).orElseThrow().trim();
        String serial = profile.property(ProfileProperty.MFA_SERIAL).orElseThrow().trim();
        AwsCredentialsProvider source = sourceCredentials(files, profile);
        if (source instanceof AutoCloseable closeable) {
            owned.add(closeable);
        }
        // The STS client reads the same profile, so an sts endpoint_url there (or in its services section) is
        // honoured like the SDK does for any client.
        StsClient sts = StsClient.builder()
                .httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(source)
                .overrideConfiguration(o -> o.defaultProfileFile(files).defaultProfileName(profile.name()))
                .build();
        owned.add(sts);
        String sessionName = profile.property(ProfileProperty.ROLE_SESSION_NAME).map(String::trim)
                .orElse("bucketsweep-" + Instant.now().getEpochSecond());
        Integer durationSeconds = profile.property(ProfileProperty.DURATION_SECONDS)
                .map(s -> Integer.valueOf(s.trim()))
                .orElse(null);
        String externalId = profile.property(ProfileProperty.EXTERNAL_ID).map(String::trim).orElse(null);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                // Called for each new session, so each gets a fresh code; on the requesting thread, never ahead of
                // time in the background, where nobody could answer.
                .refreshRequest(() -> AssumeRoleRequest.builder()
                        .roleArn(roleArn)
                        .roleSessionName(sessionName)
                        .durationSeconds(durationSeconds)
                        .externalId(externalId)
                        .serialNumber(serial)
                        .tokenCode(prompt.codeFor(profile.name(), serial)
                                .map(String::trim)
                                .orElseThrow(() -> new MfaCodeNotGivenException(profile.name())))
                        .build())
                .asyncCredentialUpdateEnabled(false)
                .build();
        owned.add(provider);
        return provider;
    }

    private static AwsCredentialsProvider sourceCredentials(ProfileFile files, Profile profile) {
        var sourceProfile = profile.property(ProfileProperty.SOURCE_PROFILE).map(String::trim);
        if (sourceProfile.isPresent()) {
            return ProfileCredentialsProvider.builder().profileFile(files).profileName(sourceProfile.get()).build();
        }
        String source = profile.property(ProfileProperty.CREDENTIAL_SOURCE).map(String::trim).orElse("");
        return switch (source) {
            case "Environment" -> EnvironmentVariableCredentialsProvider.create();
            case "Ec2InstanceMetadata" -> InstanceProfileCredentialsProvider.create();
            case "EcsContainer" -> ContainerCredentialsProvider.create();
            default -> throw new IllegalStateException("Profile " + profile.name()
                    + " has role_arn but neither source_profile nor a known credential_source.");
        };
    }
}
