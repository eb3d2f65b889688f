package org.bucketsweep.model.testing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;

/**
 * A connection to a test server through a {@link FaultProxy}, for tests that look at the wire or break it, with the
 * helpers to seed buckets and read the server's state.
 */
public final class ProxiedConnection implements AutoCloseable {

    private final FaultProxy proxy;
    private final S3Connection connection;
    private final TestBuckets buckets;

    private ProxiedConnection(FaultProxy proxy, S3Connection connection) {
        this.proxy = proxy;
        this.connection = connection;
        this.buckets = new TestBuckets(connection.client());
    }

    public static ProxiedConnection to(URI server) throws IOException {
        FaultProxy proxy = FaultProxy.start(server);
        return new ProxiedConnection(proxy, S3Connection.open(TestBuckets.settings(proxy.uri())));
    }

    public FaultProxy proxy() {
        return proxy;
    }

    public S3Connection connection() {
        return connection;
    }

    public TestBuckets buckets() {
        return buckets;
    }

    /** The DeleteObjects requests the proxy saw, in order. */
    public List<RecordedRequest> deleteObjectsRequests() {
        return proxy.requests().stream()
                .filter(r -> r.method().equals("POST") && r.hasQueryParameter("delete"))
                .toList();
    }

    @Override
    public void close() {
        connection.close();
        proxy.close();
    }
}
