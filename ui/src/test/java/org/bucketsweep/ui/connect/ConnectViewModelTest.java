package org.bucketsweep.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.bucketsweep.model.connection.AwsProfile;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.SecretStore;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.AwsConfigFiles;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.StsStandIn;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.testing.MemorySecretStore;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extensionTakingSessionTokens();

    @TempDir
    Path home;

    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final SavedConnections saved = SavedConnections.inMemory();
    private final MemorySecretStore keyring = new MemorySecretStore();

    @BeforeEach
    void aBucket() {
        try (S3Connection seed = S3Connection.open(TestBuckets.settings(server.getUri()))) {
            new TestBuckets(seed.client()).plainBucket("one");
        }
    }

    @Test
    void profilesAreListedWithTheirKindAndAwsProfileIsChosenFirst() throws IOException {
        ConnectViewModel form = connections(profiles("""
                [profile prod]
                sso_session = corp
                sso_account_id = 1
                sso_role_name = Admin
                [sso-session corp]
                sso_region = us-east-1
                sso_start_url = https://corp.awsapps.com/start
                [profile dev]
                role_arn = arn:aws:iam::1:role/dev
                source_profile = lab
                mfa_serial = arn:aws:iam::1:mfa/alice
                [profile lab]
                endpoint_url = %s
                region = eu-west-3
                s3 =
                  addressing_style = path
                """.formatted(server.getUri()), """
                [lab]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY), "lab"), keyring).form(null);

        assertThat(form.profiles()).extracting(AwsProfile::label)
                .containsExactly("dev (role, MFA)", "lab (keys)", "prod (SSO)");
        assertThat(form.useProfileProperty().get()).isTrue();
        assertThat(form.profileProperty().get().name()).as("AWS_PROFILE").isEqualTo("lab");
        assertThat(form.endpointProperty().get()).as("the profile's endpoint_url")
                .isEqualTo(server.getUri().toString());
        assertThat(form.regionProperty().get()).isEqualTo("eu-west-3");
        assertThat(form.pathStyleProperty().get()).isTrue();

        form.testConnection();
        assertThat(form.testResultProperty().get()).isEqualTo("Connected: 1 bucket.");

        form.profileProperty().set(form.profiles().get(2));
        assertThat(form.endpointProperty().get()).as("prod is on AWS").isEmpty();
        assertThat(form.toSettings().credentials()).isEqualTo(new CredentialsSource.Profile("prod"));
    }

    @Test
    void aRoleWithMfaAsksForTheCodeThroughTheDialogService() throws IOException {
        try (StsStandIn sts = StsStandIn.start(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY, "session")) {
            AwsProfiles files = AwsConfigFiles.roleWithMfa(home, server.getUri(), sts.uri()).profiles("dev");
            dialogs.roleMfaCodes.add("654321");
            ConnectViewModel form = connections(files, keyring).form(null);

            form.testConnection();

            assertThat(dialogs.roleMfaRequests).containsExactly("dev " + AwsConfigFiles.MFA_SERIAL);
            assertThat(form.testResultProperty().get()).isEqualTo("Connected: 1 bucket.");
            assertThat(sts.requests()).singleElement()
                    .satisfies(request -> assertThat(request).containsEntry("TokenCode", "654321"));

            form.testConnection();
            assertThat(form.testResultProperty().get()).as("declined").startsWith("MfaCodeNotGiven");
        }
    }

    @Test
    void wrongKeysAreToldApart() throws IOException {
        ConnectViewModel form = connections(profiles("", "", null), keyring).form(null);
        assertThat(form.useProfileProperty().get()).as("no profiles: keys").isFalse();
        form.endpointProperty().set(server.getUri().toString());
        form.accessKeyIdProperty().set(TestBuckets.ACCESS_KEY);
        form.secretAccessKeyProperty().set("wrong");

        form.testConnection();

        assertThat(form.testResultProperty().get()).startsWith("SignatureDoesNotMatch")
                .contains("secret key does not match");
    }

    @Test
    void aSavedConnectionComesBackWithItsSecretFromTheKeyring() throws IOException {
        Connections connections = connections(profiles("", "", null), keyring);
        ConnectViewModel first = connections.form(null);
        assertThat(first.keyringNoteProperty().get()).contains("kept in the system keyring");
        fillIn(first, "lab");
        first.saveProperty().set(true);

        ConnectionSettings used = first.confirm();

        assertThat(used.name()).isEqualTo("lab");
        assertThat(saved.list()).singleElement().satisfies(c -> {
            assertThat(c.endpoint()).isEqualTo(server.getUri());
            assertThat(c.accessKeyId()).isEqualTo(TestBuckets.ACCESS_KEY);
        });
        assertThat(keyring.secrets).containsValue(TestBuckets.SECRET_KEY);

        ConnectViewModel again = connections.form(null);
        again.savedConnectionProperty().set(again.savedConnections().get(0));
        assertThat(again.secretAccessKeyProperty().get()).isEqualTo(TestBuckets.SECRET_KEY);
        assertThat(again.problemProperty().get()).isNull();
        again.testConnection();
        assertThat(again.testResultProperty().get()).isEqualTo("Connected: 1 bucket.");

        ConnectViewModel reconnect = connections.form(used);
        assertThat(reconnect.savedConnectionProperty().get()).as("the previous connection is the saved one")
                .isNotNull();
        assertThat(reconnect.secretAccessKeyProperty().get()).isEqualTo(TestBuckets.SECRET_KEY);

        reconnect.forgetSavedConnection();
        assertThat(saved.list()).isEmpty();
        assertThat(keyring.secrets).isEmpty();
    }

    @Test
    void withoutAKeyringTheSecretIsTypedEachTimeAndKeptNowhere() throws IOException {
        SecretStore none = SecretStore.none("no keyring service is running in this session.");
        Connections connections = connections(profiles("", "", null), none);
        ConnectViewModel first = connections.form(null);
        assertThat(first.keyringAvailableProperty().get()).isFalse();
        assertThat(first.keyringNoteProperty().get()).contains("not saved")
                .contains("no keyring service is running").contains("Type the secret key each time");
        fillIn(first, "lab");
        first.saveProperty().set(true);
        first.confirm();

        ConnectViewModel again = connections.form(null);
        again.savedConnectionProperty().set(again.savedConnections().get(0));

        assertThat(again.accessKeyIdProperty().get()).isEqualTo(TestBuckets.ACCESS_KEY);
        assertThat(again.secretAccessKeyProperty().get()).isEmpty();
        assertThat(again.problemProperty().get()).contains("secret access key");
        assertThat(saved.list()).singleElement().asString().doesNotContain(TestBuckets.SECRET_KEY);
    }

    private void fillIn(ConnectViewModel form, String name) {
        form.useProfileProperty().set(false);
        form.endpointProperty().set(server.getUri().toString());
        form.pathStyleProperty().set(true);
        form.accessKeyIdProperty().set(TestBuckets.ACCESS_KEY);
        form.secretAccessKeyProperty().set(TestBuckets.SECRET_KEY);
        form.nameProperty().set(name);
    }

    private Connections connections(AwsProfiles profiles, SecretStore secrets) {
        return new Connections(tasks, dialogs, profiles, saved, secrets);
    }

    private AwsProfiles profiles(String config, String credentials, String awsProfile) throws IOException {
        return AwsConfigFiles.write(home, config, credentials).profiles(awsProfile);
    }
}
