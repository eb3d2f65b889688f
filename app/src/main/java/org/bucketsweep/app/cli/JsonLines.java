package org.bucketsweep.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.uploads.AbortResult;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.usage.FolderUsage;
import org.bucketsweep.model.lifecycle.RuleSummary;

/** Writes one JSON object per line, as UTF-8, to a stream it flushes on request but does not close. */
final class JsonLines implements Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;

    JsonLines(OutputStream out) {
        try {
            this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            // One object per line: no separator of Jackson's between root values, our own newline after each.
            this.json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of {@code list-versions}: every field, versionId and lastModified {@code null} when unknown. */
    void version(ObjectVersion v) {
        write(() -> {
            json.writeStartObject();
            json.writeStringField("key", v.key());
            json.writeStringField("versionId", v.versionId());
            json.writeBooleanField("latest", v.latest());
            json.writeBooleanField("deleteMarker", v.deleteMarker());
            json.writeNumberField("size", v.size());
            Instant modified = v.lastModified();
            json.writeStringField("lastModified", modified == null ? null : modified.toString());
            json.writeEndObject();
        });
    }

    /** A row of {@code usage}: every field, oldestNoncurrent {@code null} when there is no noncurrent version. */
    void usage(FolderUsage f, boolean total) {
        write(() -> {
            json.writeStartObject();
            json.writeStringField("folder", f.folder());
            json.writeNumberField("currentObjects", f.currentObjects());
            json.writeNumberField("currentBytes", f.currentBytes());
            json.writeNumberField("noncurrentVersions", f.noncurrentVersions());
            json.writeNumberField("noncurrentBytes", f.noncurrentBytes());
            json.writeNumberField("deleteMarkers", f.deleteMarkers());
            json.writeNumberField("expiredMarkers", f.expiredMarkers());
            json.writeNumberField("uploads", f.uploads());
            json.writeNumberField("uploadBytes", f.uploadBytes());
            Instant oldest = f.oldestNoncurrent();
            json.writeStringField("oldestNoncurrent", oldest == null ? null : oldest.toString());
            json.writeBooleanField("total", total);
            json.writeEndObject();
        });
    }

    /**
     * An item of a plan, in the {@code --items} format: the version id is left out when there is none, and the
     * previewed ETag is given for a current object when known.
     */
    void item(VersionRef ref) {
        write(() -> {
            json.writeStartObject();
            json.writeStringField("key", ref.key());
            optional("versionId", ref.versionId());
            optional("eTag", ref.eTag());
            json.writeEndObject();
        });
    }

    /** One outcome of a delete job; {@code null} fields are left out. */
    void result(ItemResult r) {
        write(() -> {
            json.writeStartObject();
            json.writeStringField("key", r.key());
            optional("versionId", r.versionId());
            json.writeStringField("outcome", r.outcome().name());
            optional("deleteMarkerVersionId", r.deleteMarkerVersionId());
            optional("errorCode", r.errorCode());
            optional("errorMessage", r.errorMessage());
            optional("requestId", r.requestId());
            json.writeEndObject();
        });
    }

    /** An incomplete multipart upload: its parts' count and bytes when they were listed. */
    void upload(MultipartUpload u) {
        write(() -> {
            json.writeStartObject();
            json.writeStringField("key", u.key());
            json.writeStringField("uploadId", u.uploadId());
            json.writeStringField("initiated", u.initiated() == null ? null : u.initiated().toString());
            optional("storageClass", u.storageClass());
            if (u.parts() != null) {
                json.writeNumberField("parts", u.parts().count());
                json.writeNumberField("bytes", u.parts().bytes());
            }
            json.writeEndObject();
        });
    }

    /** The outcome of aborting one upload; {@code null} fields are left out. */
    void abortResult(AbortResult r) {
        write(() -> {
            json.writeStartObject();
            json.writeStringField("key", r.upload().key());
            json.writeStringField("uploadId", r.upload().uploadId());
            json.writeStringField("outcome", r.outcome().name());
            json.writeNumberField("bytes", r.upload().bytes());
            optional("errorCode", r.errorCode());
            optional("errorMessage", r.errorMessage());
            json.writeEndObject();
        });
    }

    /** A lifecycle rule of {@code lifecycle list}; {@code bucketsweep} marks the rules BucketSweep made. */
    void rule(RuleSummary rule) {
        write(() -> {
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeBooleanField("bucketsweep", rule.ours());
            json.writeBooleanField("enabled", rule.enabled());
            json.writeStringField("filter", rule.filter());
            json.writeStringField("actions", rule.actions());
            json.writeEndObject();
        });
    }

    /** Pushes what was written to the stream and flushes it. */
    void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new OutputFailedException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void optional(String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private void write(IoAction action) {
        try {
            action.run();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new OutputFailedException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** Output could not be written (a closed pipe, a full disk). */
    static final class OutputFailedException extends UncheckedIOException {
        OutputFailedException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
