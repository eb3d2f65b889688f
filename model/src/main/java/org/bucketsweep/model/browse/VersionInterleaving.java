package org.bucketsweep.model.browse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Remembers in which order a ListObjectVersions answer interleaves its {@code Version} and {@code DeleteMarker}
 * elements. The SDK hands them over as two lists, each in S3's order, and the timestamps cannot put them together
 * again: a key's marker and version can share a LastModified (servers that keep whole seconds, quick writers).
 *
 * <p>Attach it to the requests of one listing ({@code overrideConfiguration(o -> o.addPlugin(recorder))}); after
 * each page, {@link #merge} takes the order recorded for that page.
 */
final class VersionInterleaving implements SdkPlugin, ExecutionInterceptor {

    private static final XMLInputFactory XML = secureFactory();

    private final AtomicReference<Order> lastPage = new AtomicReference<>();

    @Override
    public void configureClient(SdkServiceClientConfiguration.Builder config) {
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().addExecutionInterceptor(this).build());
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !context.httpResponse().isSuccessful()) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastPage.set(read(bytes));
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    /**
     * Puts one page's versions and markers back into the order the server sent them; when that order is unknown
     * (no answer recorded, or one that does not match the lists), returns {@code null}.
     */
    List<ObjectVersion> merge(List<ObjectVersion> versions, List<ObjectVersion> markers) {
        Order order = lastPage.getAndSet(null);
        if (order == null || order.count != versions.size() + markers.size()
                || order.markers.cardinality() != markers.size()) {
            return null;
        }
        List<ObjectVersion> merged = new ArrayList<>(order.count);
        int v = 0;
        int m = 0;
        for (int i = 0; i < order.count; i++) {
            merged.add(order.markers.get(i) ? markers.get(m++) : versions.get(v++));
        }
        return merged;
    }

    private static Order read(byte[] xml) {
        BitSet markers = new BitSet();
        int count = 0;
        int depth = 0;
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        depth++;
                        // Entries are the children of ListVersionsResult.
                        if (depth == 2) {
                            String name = reader.getLocalName();
                            if ("DeleteMarker".equals(name)) {
                                markers.set(count++);
                            } else if ("Version".equals(name)) {
                                count++;
                            }
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // The SDK reads the same body and reports what is wrong with it; the order is then unknown.
            return null;
        }
        return new Order(markers, count);
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** {@code count} entries; bit i of {@code markers} set when the i-th one is a delete marker. */
    private record Order(BitSet markers, int count) {
    }
}
