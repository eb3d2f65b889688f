package org.bucketsweep.model.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;

/** Creates buckets and objects on a test server and reads back its state, through a plain SDK client. */
public final class TestBuckets {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret";

    private final S3Client s3;

    public TestBuckets(S3Client s3) {
        this.s3 = s3;
    }

    /** Settings for a local test server: path-style, us-east-1, the test keys. */
    public static ConnectionSettings settings(URI endpoint) {
        return new ConnectionSettings("test", endpoint, "us-east-1", true,
                new CredentialsSource.StaticKeys(ACCESS_KEY, SECRET_KEY));
    }

    public void versionedBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    public void plainBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** Puts one object; returns the version id the server gave it (null on an unversioned bucket). */
    public String put(String bucket, String key, String body) {
        String versionId = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
        return versionId == null || versionId.isEmpty() ? null : versionId;
    }

    /**
     * Starts a multipart upload and uploads parts of these sizes, never completing it: an incomplete upload, billed
     * and invisible to object listings. Returns its upload id.
     */
    public String startUpload(String bucket, String key, int... partSizes) {
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        for (int i = 0; i < partSizes.length; i++) {
            int number = i + 1;
            s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number),
                    RequestBody.fromBytes(new byte[partSizes[i]]));
        }
        return id;
    }

    /** Deletes without a version id; on a versioned bucket returns the new delete marker's version id. */
    public String addDeleteMarker(String bucket, String key) {
        return s3.deleteObject(b -> b.bucket(bucket).key(key)).versionId();
    }

    /** The live version ids of a key, newest first (delete markers excluded). */
    public List<String> versionsOf(String bucket, String key) {
        List<String> ids = new ArrayList<>();
        for (ObjectVersion v : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key)).versions()) {
            if (v.key().equals(key)) {
                ids.add(v.versionId());
            }
        }
        return ids;
    }

    /** The delete markers' version ids of a key. */
    public List<String> markersOf(String bucket, String key) {
        List<String> ids = new ArrayList<>();
        for (DeleteMarkerEntry m : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key)).deleteMarkers()) {
            if (m.key().equals(key)) {
                ids.add(m.versionId());
            }
        }
        return ids;
    }

    /** Every key currently visible (latest version not a delete marker). */
    public List<String> currentKeys(String bucket) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
        return keys;
    }
}
