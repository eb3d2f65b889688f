package org.bucketsweep.model.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles read from temporary config files, as the environment variables place them. */
class AwsProfilesTest {

    @TempDir
    Path home;

    private static final String CONFIG = """
            [default]
            region = eu-central-1

            [profile prod]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Admin
            region = us-west-2

            [sso-session corp]
            sso_region = us-east-1
            sso_start_url = https://corp.awsapps.com/start

            [profile legacy-sso]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 111122223333
            sso_role_name = ReadOnly

            [profile dev]
            role_arn = arn:aws:iam::111122223333:role/dev
            source_profile = default
            mfa_serial = arn:aws:iam::111122223333:mfa/alice

            [profile ops]
            role_arn = arn:aws:iam::111122223333:role/ops
            source_profile = default

            [profile ci]
            role_arn = arn:aws:iam::111122223333:role/ci
            web_identity_token_file = /var/run/token

            [profile vault]
            credential_process = /usr/local/bin/get-keys --account 7

            [profile minio]
            region = us-east-1
            endpoint_url = http://127.0.0.1:9000
            s3 =
              addressing_style = path

            [profile ceph]
            endpoint_url = http://wrong.example:1
            services = lab

            [services lab]
            s3 =
              endpoint_url = http://127.0.0.1:7480
            """;

    private static final String CREDENTIALS = """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = default-secret

            [temporary]
            aws_access_key_id = ASIATEMP
            aws_secret_access_key = temp-secret
            aws_session_token = token

            [minio]
            aws_access_key_id = minio-user
            aws_secret_access_key = minio-secret
            """;

    @Test
    void everyProfileOfBothFilesIsListedWithItsKind() throws IOException {
        AwsProfiles profiles = standardFiles(Map.of());

        assertThat(profiles.list()).extracting(AwsProfile::label).containsExactly(
                "ceph (no credentials)",
                "ci (web identity)",
                "default (keys)",
                "dev (role, MFA)",
                "legacy-sso (SSO)",
                "minio (keys)",
                "ops (role)",
                "prod (SSO)",
                "temporary (session token)",
                "vault (credential process)");
        assertThat(profiles.find("dev").orElseThrow().mfaSerial())
                .isEqualTo("arn:aws:iam::111122223333:mfa/alice");
    }

    @Test
    void regionEndpointAndAddressingStyleComeFromTheProfile() throws IOException {
        AwsProfiles profiles = standardFiles(Map.of());

        AwsProfile minio = profiles.find("minio").orElseThrow();
        assertThat(minio.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(minio.region()).isEqualTo("us-east-1");
        assertThat(minio.pathStyle()).isTrue();
        assertThat(profiles.find("ceph").orElseThrow().endpoint())
                .as("the services section's s3 endpoint wins over the profile's own")
                .isEqualTo(URI.create("http://127.0.0.1:7480"));
        AwsProfile prod = profiles.find("prod").orElseThrow();
        assertThat(prod.region()).isEqualTo("us-west-2");
        assertThat(prod.endpoint()).isNull();
        assertThat(prod.pathStyle()).isFalse();
    }

    @Test
    void awsProfilePicksThePreferredProfileElseDefault() throws IOException {
        assertThat(standardFiles(Map.of("AWS_PROFILE", "prod")).preferredProfile()).isEqualTo("prod");
        assertThat(standardFiles(Map.of()).preferredProfile()).isEqualTo("default");
    }

    @Test
    void theEnvironmentVariablesNameOtherFiles() throws IOException {
        standardFiles(Map.of());
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("cfg"), "[profile only-here]\nregion = ap-south-1\n");
        Files.writeString(elsewhere.resolve("keys"), "[keys-here]\naws_access_key_id = A\naws_secret_access_key = B\n");

        AwsProfiles profiles = AwsProfiles.fromEnvironment(Map.of(
                "AWS_CONFIG_FILE", elsewhere.resolve("cfg").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/keys"), home);

        assertThat(profiles.list()).extracting(AwsProfile::label)
                .containsExactly("keys-here (keys)", "only-here (no credentials)");
        assertThat(profiles.find("only-here").orElseThrow().region()).isEqualTo("ap-south-1");
    }

    @Test
    void missingFilesGiveNoProfilesAndBrokenOnesAreReported() throws IOException {
        assertThat(AwsProfiles.fromEnvironment(Map.of(), home).list()).isEmpty();

        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile broken\nregion = x\n");
        AwsProfiles broken = AwsProfiles.fromEnvironment(Map.of(), home);
        assertThat(broken.list()).isEmpty();
    }

    private AwsProfiles standardFiles(Map<String, String> env) throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), CONFIG);
        Files.writeString(aws.resolve("credentials"), CREDENTIALS);
        return AwsProfiles.fromEnvironment(env, home);
    }

    @Test
    void tildeIsHomeWhenSetAsForTheAwsCliElseJavasUserHome() {
        assertThat(AwsProfiles.homeOf(Map.of("HOME", "/tmp/someone"), "/root")).isEqualTo(Path.of("/tmp/someone"));
        assertThat(AwsProfiles.homeOf(Map.of("HOME", " "), "/root")).isEqualTo(Path.of("/root"));
        assertThat(AwsProfiles.homeOf(Map.of(), "/root")).isEqualTo(Path.of("/root"));
    }

    @Test
    void anEndpointAtAnIpAddressOrLocalhostIsAddressedByPathUnlessTheProfileSaysOtherwise() {
        assertThat(AwsProfiles.onlyPathStyleWorks(URI.create("http://127.0.0.1:9000"))).isTrue();
        assertThat(AwsProfiles.onlyPathStyleWorks(URI.create("http://localhost:7480"))).isTrue();
        assertThat(AwsProfiles.onlyPathStyleWorks(URI.create("http://[::1]:9000"))).isTrue();
        assertThat(AwsProfiles.onlyPathStyleWorks(URI.create("https://s3.eu-de.cloud-object-storage.appdomain.cloud")))
                .isFalse();
        assertThat(AwsProfiles.onlyPathStyleWorks(null)).isFalse();
    }
}
