package org.bucketsweep.model.testing;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;

/**
 * A {@link FaultProxy} policy that answers {@code ?lifecycle} like a server with lifecycle support (S3Proxy has
 * none): GET returns what the last PUT sent (or NoSuchLifecycleConfiguration), DELETE forgets it; every other request
 * goes to the real server. Only the wire is faked; the tests that need a real lifecycle server run on Ceph.
 */
public final class LifecycleStandIn implements Function<RecordedRequest, Fault> {

    private final AtomicReference<String> stored;

    public LifecycleStandIn(String initialXml) {
        this.stored = new AtomicReference<>(initialXml);
    }

    /** What the last PUT sent; {@code null} when there is no configuration. */
    public String stored() {
        return stored.get();
    }

    @Override
    public Fault apply(RecordedRequest request) {
        if (!request.hasQueryParameter("lifecycle")) {
            return Fault.pass();
        }
        switch (request.method()) {
            case "PUT" -> {
                stored.set(request.bodyAsString());
                return Fault.emptyStatus(200);
            }
            case "DELETE" -> {
                stored.set(null);
                return Fault.emptyStatus(204);
            }
            default -> {
                String xml = stored.get();
                return xml == null ? Fault.status(404, "NoSuchLifecycleConfiguration",
                        "The lifecycle configuration does not exist") : Fault.xml(xml);
            }
        }
    }
}
