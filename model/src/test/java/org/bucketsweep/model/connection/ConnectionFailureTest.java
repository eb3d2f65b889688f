package org.bucketsweep.model.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What "Test connection" says for each way a connection fails. Where a real server or the network can produce the
 * failure it does (wrong keys, unknown host, refused port, TLS spoken to a plain HTTP server); the errors only AWS
 * sends (expired token, clock skew, a denied call) come from the fault proxy, as S3 would word them.
 */
class ConnectionFailureTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @Test
    void aWrongSecretKeyIsSignatureDoesNotMatch() {
        S3Failure failure = failureOf(keys(server.getUri(), TestBuckets.ACCESS_KEY, "not-the-secret"));

        assertThat(failure.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(failure.hint()).contains("secret key does not match");
        assertThat(failure.expected()).isTrue();
    }

    @Test
    void anUnknownAccessKeyIdIsInvalidAccessKeyId() {
        S3Failure failure = failureOf(keys(server.getUri(), "nobody-has-this-key", TestBuckets.SECRET_KEY));

        assertThat(failure.code()).isEqualTo("InvalidAccessKeyId");
        assertThat(failure.hint()).contains("access key id is not known");
    }

    @Test
    void anUnknownHostIsNamed() {
        S3Failure failure = failureOf(keys(URI.create("http://no-such-host.invalid:9000"), "a", "b"));

        assertThat(failure.code()).isEqualTo("UnknownHost");
        assertThat(failure.message()).contains("no-such-host.invalid");
    }

    @Test
    void aClosedPortIsConnectionFailed() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        S3Failure failure = failureOf(keys(URI.create("http://127.0.0.1:" + port), "a", "b"));

        assertThat(failure.code()).isEqualTo("ConnectionFailed");
    }

    @Test
    void httpsToAPlainHttpServerIsATlsErrorWithTheLikelyCause() {
        URI https = URI.create("https://127.0.0.1:" + server.getUri().getPort());

        S3Failure failure = failureOf(keys(https, TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY));

        assertThat(failure.code()).isEqualTo("TlsError");
        assertThat(failure.hint()).contains("try http://");
    }

    @Test
    void errorsOnlyAwsSendsGetTheirOwnAdvice() throws IOException {
        try (FaultProxy proxy = FaultProxy.start(server.getUri())) {
            ConnectionSettings viaProxy = keys(proxy.uri(), TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY);

            proxy.setPolicy(r -> FaultProxy.Fault.status(400, "ExpiredToken",
                    "The provided token has expired."));
            assertThat(failureOf(viaProxy).hint()).contains("session token has expired");

            proxy.setPolicy(r -> FaultProxy.Fault.status(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large."));
            assertThat(failureOf(viaProxy).hint()).contains("clock");

            proxy.setPolicy(r -> FaultProxy.Fault.status(403, "AccessDenied", "Access Denied"));
            S3Failure denied = failureOf(viaProxy);
            assertThat(denied.code()).isEqualTo("AccessDenied");
            assertThat(denied.requestId()).as("the request id, for a support case").isNotBlank();
            assertThat(denied.hint()).contains("permission");

            proxy.setPolicy(r -> FaultProxy.Fault.status(400, "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; the region 'us-east-1' is wrong; expecting"
                    + " 'eu-west-1'"));
            assertThat(failureOf(viaProxy).hint()).contains("region");
        }
    }

    private static ConnectionSettings keys(URI endpoint, String accessKeyId, String secret) {
        return new ConnectionSettings("failing", endpoint, "us-east-1", true,
                new CredentialsSource.StaticKeys(accessKeyId, secret));
    }

    /** Lists the buckets as "Test connection" does and returns what went wrong. */
    private static S3Failure failureOf(ConnectionSettings settings) {
        try (S3Connection connection = S3Connection.open(settings)) {
            Throwable error = catchThrowable(() -> new BucketBrowser(connection).listBuckets());
            assertThat(error).as("the connection must fail").isNotNull();
            return S3Failure.of(error);
        }
    }
}
