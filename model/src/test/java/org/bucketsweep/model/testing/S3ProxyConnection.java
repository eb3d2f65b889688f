package org.bucketsweep.model.testing;

import java.net.URI;
import org.bucketsweep.model.connection.S3Connection;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The default test server with a connection to it: a fresh S3Proxy ({@link S3ProxyServer#extension()}) per test
 * method, an {@link S3Connection} to it and {@link TestBuckets} on that connection, closed after the test. Register
 * it with {@code @RegisterExtension}; a test's own {@code @BeforeEach} already finds it connected.
 */
public final class S3ProxyConnection implements BeforeEachCallback, AfterEachCallback {

    private final S3ProxyExtension server = S3ProxyServer.extension();
    private S3Connection connection;
    private TestBuckets buckets;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server.beforeEach(context);
        connection = S3Connection.open(TestBuckets.settings(server.getUri()));
        buckets = new TestBuckets(connection.client());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            connection.close();
        } finally {
            server.afterEach(context);
        }
    }

    public URI getUri() {
        return server.getUri();
    }

    public S3Connection connection() {
        return connection;
    }

    public TestBuckets buckets() {
        return buckets;
    }
}
