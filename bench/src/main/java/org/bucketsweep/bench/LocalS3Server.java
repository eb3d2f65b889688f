package org.bucketsweep.bench;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Robothy local-s3 in memory, in this JVM, on a free port; every request goes to {@code http://127.0.0.1:PORT}.
 * local-s3 cannot be told a bind address: it listens on the wildcard address while the bench runs.
 */
final class LocalS3Server implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String REGION = "us-east-1";
    /** local-s3 checks no signature: any keys do. */
    static final String ACCESS_KEY_ID = "BENCHACCESSKEY000000";
    static final String SECRET_ACCESS_KEY = "bench-secret-local-s3-checks-no-signature";

    private final LocalS3 server;
    private final URI endpoint;

    private LocalS3Server(LocalS3 server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://" + HOST + ":" + port);
    }

    static LocalS3Server start() throws IOException {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // local-s3 trips Netty's leak detector (TESTING.md); the report would only add noise.
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        // port(0) does not work with local-s3 (getPort() then answers 0): pick a free port first.
        int port = freeLoopbackPort();
        LocalS3 server = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        server.start();
        return new LocalS3Server(server, port);
    }

    URI endpoint() {
        return endpoint;
    }

    /** The app's own connection to a bench server, as {@code S3Connection.open} builds it for a person. */
    static S3Connection connectTo(URI endpoint) {
        return S3Connection.open(new ConnectionSettings("bench", endpoint, REGION, true,
                new CredentialsSource.StaticKeys(ACCESS_KEY_ID, SECRET_ACCESS_KEY)));
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (RuntimeException e) {
            // Netty's graceful shutdown: nothing to do about it here.
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
