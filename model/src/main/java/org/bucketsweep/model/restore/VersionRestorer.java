package org.bucketsweep.model.restore;

import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.S3Connection;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;

/**
 * "Restore this version": copies an older version over its key (CopyObject with the version as the source), so it
 * becomes the current version again. Nothing is deleted: the versions after it stay, noncurrent. Blocks: call it
 * off the UI thread.
 */
public final class VersionRestorer {

    /** CopyObject copies at most 5 GiB in one request; larger objects need a multipart copy. */
    public static final long MAX_COPY_BYTES = 5L * 1024 * 1024 * 1024;

    private final S3Connection connection;

    public VersionRestorer(S3Connection connection) {
        this.connection = connection;
    }

    /** Why this row cannot be restored, or {@code null} when it can. */
    public static String refusal(ObjectVersion version) {
        if (version.versionId() == null) {
            return "Only a version can be restored: show versions and choose one.";
        }
        if (version.deleteMarker()) {
            return "A delete marker holds no data: to bring its key back, delete the marker (undelete).";
        }
        if (version.latest()) {
            return "This version is already the current one.";
        }
        if (version.size() > MAX_COPY_BYTES) {
            return "Versions over 5 GiB need a multipart copy, which BucketSweep does not do yet.";
        }
        return null;
    }

    /**
     * Copies the version over its key (CopyObject copies metadata and tags by default, so no directive is sent:
     * some servers refuse the headers); the result names the new current version.
     */
    public Restored restore(String bucket, ObjectVersion version) {
        String refused = refusal(version);
        if (refused != null) {
            return new Restored(version.key(), version.versionId(), null, "NotRestorable", refused);
        }
        try {
            CopyObjectResponse copy = connection.client(bucket).copyObject(b -> b
                    .sourceBucket(bucket).sourceKey(version.key()).sourceVersionId(version.versionId())
                    .destinationBucket(bucket).destinationKey(version.key()));
            return new Restored(version.key(), version.versionId(), copy.versionId(), null, null);
        } catch (SdkException e) {
            S3Failure failure = S3Failure.of(e);
            return new Restored(version.key(), version.versionId(), null, failure.code(), failure.message());
        }
    }

    /**
     * @param newVersionId the version the copy created, now current; {@code null} when it failed (or the bucket
     *                     keeps no versions)
     */
    public record Restored(String key, String fromVersionId, String newVersionId, String errorCode,
                           String errorMessage) {

        public boolean succeeded() {
            return errorCode == null;
        }
    }
}
