package org.bucketsweep.model.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.testing.AwsConfigFiles;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.StsStandIn;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections opened from profiles in temporary config files, against the real test server: the profile's endpoint,
 * region and each kind of credentials that works offline.
 */
class ProfileConnectionTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extensionTakingSessionTokens();

    @TempDir
    Path home;

    @BeforeEach
    void aBucketToSee() {
        try (S3Connection seed = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            new TestBuckets(seed.client()).plainBucket("seen-through-the-profile");
        }
    }

    @Test
    void credentialProcessKeysAreUsedAtTheProfilesEndpoint() throws IOException {
        Path script = home.resolve("print-keys.sh");
        Files.writeString(script, """
                #!/bin/sh
                printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s"}'
                """.formatted(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        AwsProfiles profiles = files("""
                [profile vault]
                credential_process = %s
                region = eu-west-3
                endpoint_url = %s
                s3 =
                  addressing_style = path
                """.formatted(script, server.getUri()), "");

        try (S3Connection connection = S3Connection.open(profile("vault"), profiles, MfaCodePrompt.NONE)) {
            assertThat(connection.settings().endpoint()).isEqualTo(server.getUri());
            assertThat(connection.settings().region()).isEqualTo("eu-west-3");
            assertThat(connection.settings().pathStyle()).isTrue();
            assertThat(names(connection)).containsExactly("seen-through-the-profile");
        }
    }

    @Test
    void aFailingCredentialProcessIsReportedAsSuch() throws IOException {
        Path script = home.resolve("fail.sh");
        Files.writeString(script, "#!/bin/sh\necho 'token expired' >&2\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        AwsProfiles profiles = files("""
                [profile vault]
                credential_process = %s
                endpoint_url = %s
                s3 =
                  addressing_style = path
                """.formatted(script, server.getUri()), "");

        try (S3Connection connection = S3Connection.open(profile("vault"), profiles, MfaCodePrompt.NONE)) {
            Throwable error = catchThrowable(() -> names(connection));
            assertThat(S3Failure.of(error).code()).isEqualTo("CredentialProcessFailed");
            assertThat(S3Failure.of(error).message()).contains("token expired");
        }
    }

    @Test
    void keysWithASessionTokenFromTheCredentialsFileAreSentWithTheToken() throws IOException {
        try (FaultProxy wire = FaultProxy.start(server.getUri())) {
            AwsProfiles profiles = files("""
                    [profile temp]
                    region = us-east-1
                    endpoint_url = %s
                    s3 =
                      addressing_style = path
                    """.formatted(wire.uri()), """
                    [temp]
                    aws_access_key_id = %s
                    aws_secret_access_key = %s
                    aws_session_token = the-session-token
                    """.formatted(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY));

            try (S3Connection connection = S3Connection.open(profile("temp"), profiles, MfaCodePrompt.NONE)) {
                assertThat(names(connection)).containsExactly("seen-through-the-profile");
            }
            assertThat(wire.requests()).isNotEmpty().allSatisfy(r ->
                    assertThat(r.header("x-amz-security-token")).contains("the-session-token"));
        }
    }

    @Test
    void wrongKeysInTheProfileAreRefusedByTheServer() throws IOException {
        AwsProfiles profiles = files("""
                [profile wrong]
                endpoint_url = %s
                aws_access_key_id = %s
                aws_secret_access_key = not-the-secret
                s3 =
                  addressing_style = path
                """.formatted(server.getUri(), TestBuckets.ACCESS_KEY), "");

        try (S3Connection connection = S3Connection.open(profile("wrong"), profiles, MfaCodePrompt.NONE)) {
            Throwable error = catchThrowable(() -> names(connection));
            assertThat(S3Failure.of(error).code()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void aRoleWithMfaAsksForTheCodeAndSendsItToSts() throws IOException {
        try (StsStandIn sts = StsStandIn.start(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY, "role-session")) {
            AwsProfiles profiles = AwsConfigFiles.roleWithMfa(home, server.getUri(), sts.uri()).profiles(null);
            List<String> asked = new ArrayList<>();
            MfaCodePrompt prompt = (profile, serial) -> {
                asked.add(profile + " " + serial);
                return Optional.of("123456");
            };

            try (S3Connection connection = S3Connection.open(profile("dev"), profiles, prompt)) {
                assertThat(names(connection)).containsExactly("seen-through-the-profile");
                assertThat(names(connection)).as("the role's session is reused").hasSize(1);
            }

            assertThat(asked).containsExactly("dev " + AwsConfigFiles.MFA_SERIAL);
            assertThat(sts.requests()).singleElement().satisfies(form -> assertThat(form).contains(
                    Map.entry("Action", "AssumeRole"),
                    Map.entry("RoleArn", AwsConfigFiles.ROLE_ARN),
                    Map.entry("SerialNumber", AwsConfigFiles.MFA_SERIAL),
                    Map.entry("TokenCode", "123456"),
                    Map.entry("DurationSeconds", "900")));
        }
    }

    @Test
    void aDeclinedMfaCodeStopsBeforeStsIsAsked() throws IOException {
        try (StsStandIn sts = StsStandIn.start(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY, "role-session")) {
            try (S3Connection connection = S3Connection.open(profile("dev"),
                    AwsConfigFiles.roleWithMfa(home, server.getUri(), sts.uri()).profiles(null), MfaCodePrompt.NONE)) {
                Throwable error = catchThrowable(() -> names(connection));
                assertThat(S3Failure.of(error).code()).isEqualTo("MfaCodeNotGiven");
            }
            assertThat(sts.requests()).isEmpty();
        }
    }

    @Test
    void anSsoProfileIsHandledByTheSdksSsoSupport() throws IOException {
        AwsProfiles profiles = files("""
                [profile prod]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Admin
                region = us-east-1
                endpoint_url = %s

                [sso-session corp]
                sso_region = us-east-1
                sso_start_url = https://bucketsweep-test-nowhere.awsapps.com/start
                """.formatted(server.getUri()), "");

        try (S3Connection connection = S3Connection.open(profile("prod"), profiles, MfaCodePrompt.NONE)) {
            Throwable error = catchThrowable(() -> names(connection));
            // Offline there is no cached SSO token; what matters is that the SSO modules are there and say so.
            assertThat(error).hasStackTraceContaining("SSO").hasStackTraceContaining("sso");
            assertThat(S3Failure.of(error).code()).isEqualTo("SsoLoginNeeded");
            assertThat(S3Failure.of(error).hint()).contains("aws sso login");
        }
    }

    @Test
    void anUnknownProfileFailsWithNoCredentials() throws IOException {
        AwsProfiles profiles = files("", "");
        try (S3Connection connection = S3Connection.open(
                new ConnectionSettings("gone", server.getUri(), null, true, new CredentialsSource.Profile("gone")),
                profiles, MfaCodePrompt.NONE)) {
            Throwable error = catchThrowable(() -> names(connection));
            assertThat(S3Failure.of(error).code()).isEqualTo("NoCredentials");
        }
    }

    private static List<String> names(S3Connection connection) {
        return new BucketBrowser(connection).listBuckets().stream().map(BucketSummary::name).toList();
    }

    /** A profile connection that leaves endpoint and region to the profile, as the connect dialog does. */
    private static ConnectionSettings profile(String name) {
        return new ConnectionSettings(name, null, null, false, new CredentialsSource.Profile(name));
    }

    private AwsProfiles files(String config, String credentials) throws IOException {
        return AwsConfigFiles.write(home.resolve("aws"), config, credentials).profiles(null);
    }
}
