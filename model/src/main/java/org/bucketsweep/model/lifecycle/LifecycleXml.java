package org.bucketsweep.model.lifecycle;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;

/**
 * The body of PutBucketLifecycleConfiguration, as the SDK writes it: the elements, their order and their names are
 * taken from the SDK's own shape descriptions ({@link SdkField}), so that a rule of any kind (transitions, tag and
 * size filters) is shown exactly as it will be sent. A test compares it with the bytes on the wire.
 */
public final class LifecycleXml {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String INDENT = "  ";

    private LifecycleXml() {
    }

    /** Exactly the bytes the SDK sends, on one line. */
    public static String render(LifecycleConfig config) {
        return write(config, false);
    }

    /** The same elements, one per line and indented, for a person to read. */
    public static String pretty(LifecycleConfig config) {
        return write(config, true);
    }

    private static String write(LifecycleConfig config, boolean indent) {
        StringBuilder xml = new StringBuilder(DECLARATION);
        newline(xml, indent ? 0 : -1);
        xml.append("<LifecycleConfiguration xmlns=\"").append(NAMESPACE).append("\">");
        fields(xml, BucketLifecycleConfiguration.builder().rules(config.rules()).build(), indent ? 1 : -1);
        newline(xml, indent ? 0 : -1);
        xml.append("</LifecycleConfiguration>");
        return xml.toString();
    }

    /** {@code depth} is the indentation of the children, -1 for none. */
    private static void fields(StringBuilder xml, SdkPojo pojo, int depth) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null) {
                element(xml, field, field.locationName(), value, depth);
            }
        }
    }

    private static void element(StringBuilder xml, SdkField<?> field, String name, Object value, int depth) {
        if (field.marshallingType() == MarshallingType.LIST) {
            ListTrait list = field.getRequiredTrait(ListTrait.class);
            List<?> items = (List<?>) value;
            if (isAbsent(items)) {
                return;
            }
            if (list.isFlattened()) {
                for (Object item : items) {
                    element(xml, list.memberFieldInfo(), name, item, depth);
                }
            } else {
                open(xml, name, depth);
                for (Object item : items) {
                    element(xml, list.memberFieldInfo(), list.memberLocationName(), item, next(depth));
                }
                close(xml, name, depth);
            }
        } else if (value instanceof SdkPojo pojo) {
            open(xml, name, depth);
            fields(xml, pojo, next(depth));
            close(xml, name, depth);
        } else {
            newline(xml, depth);
            xml.append('<').append(name).append('>').append(escape(text(value)))
                    .append("</").append(name).append('>');
        }
    }

    /** An SDK list that was never set (not an empty one that was) is not written. */
    private static boolean isAbsent(List<?> items) {
        return items instanceof software.amazon.awssdk.core.util.SdkAutoConstructList;
    }

    private static String text(Object value) {
        // The REST-XML protocol writes timestamps in ISO 8601.
        return value instanceof Instant instant ? instant.toString() : String.valueOf(value);
    }

    private static void open(StringBuilder xml, String name, int depth) {
        newline(xml, depth);
        xml.append('<').append(name).append('>');
    }

    private static void close(StringBuilder xml, String name, int depth) {
        newline(xml, depth);
        xml.append("</").append(name).append('>');
    }

    private static int next(int depth) {
        return depth < 0 ? depth : depth + 1;
    }

    private static void newline(StringBuilder xml, int depth) {
        if (depth >= 0) {
            xml.append('\n').append(INDENT.repeat(depth));
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#x0D;");
                case '\n' -> out.append("&#x0A;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
