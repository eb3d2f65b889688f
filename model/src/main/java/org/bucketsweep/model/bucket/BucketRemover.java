package org.bucketsweep.model.bucket;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.uploads.AbortResult;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.model.uploads.UploadAborter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The last step of emptying a bucket, once its versions and delete markers were deleted (by a delete job the person
 * confirmed): abort the incomplete uploads, check that nothing is left, and only then DeleteBucket. Anything still
 * there (kept by Object Lock, written since the plan, refused) stops it with the keys named: nothing is ever
 * bypassed or deleted that the person did not confirm. Blocks: call it off the UI thread.
 */
public final class BucketRemover {

    /** How many of the keys still there a stop names. */
    static final int KEYS_NAMED = 5;
    private static final Logger LOG = LoggerFactory.getLogger(BucketRemover.class);

    private final S3Connection connection;

    public BucketRemover(S3Connection connection) {
        this.connection = connection;
    }

    /** Aborts what uploads remain, checks the bucket is empty, deletes it. */
    public BucketRemoval removeEmptied(String bucket, CancellationToken cancel) {
        S3Client s3 = connection.client(bucket);
        MultipartUploads uploads = new MultipartUploads(connection);
        List<AbortResult> aborted;
        try {
            List<MultipartUpload> pending = new ArrayList<>();
            uploads.list(bucket, "", false, pending::addAll, cancel);
            aborted = new UploadAborter(uploads).abort(bucket, pending, r -> { }, cancel);
        } catch (NoSuchBucketException e) {
            return BucketRemoval.done(List.of());
        }
        long failed = aborted.stream().filter(r -> !r.outcome().gone()).count();
        if (cancel.isCancelled()) {
            return BucketRemoval.stopped(aborted, List.of(), "Cancelled: the bucket was not deleted.");
        }
        if (failed > 0) {
            AbortResult first = aborted.stream().filter(r -> !r.outcome().gone()).findFirst().orElseThrow();
            return BucketRemoval.stopped(aborted, List.of(first.upload().key()), failed + " incomplete "
                    + (failed == 1 ? "upload" : "uploads") + " could not be aborted (" + first.errorCode() + ": "
                    + first.errorMessage() + "). The bucket was not deleted.");
        }
        List<String> left = keysLeft(s3, bucket);
        if (!left.isEmpty()) {
            return BucketRemoval.stopped(aborted, left, "The bucket still holds versions or delete markers, such"
                    + " as " + String.join(", ", left) + ": written since the plan, or kept by Object Lock or a"
                    + " legal hold. The bucket was not deleted; list it again to see what is left.");
        }
        try {
            s3.deleteBucket(b -> b.bucket(bucket));
            LOG.info("Deleted bucket {}", bucket);
            return BucketRemoval.done(aborted);
        } catch (NoSuchBucketException e) {
            return BucketRemoval.done(aborted);
        } catch (S3Exception e) {
            S3Failure failure = S3Failure.of(e);
            return BucketRemoval.stopped(aborted, keysLeft(s3, bucket), "DeleteBucket was refused: "
                    + failure.summary() + ". The bucket was not deleted.");
        }
    }

    /** A few keys of what is still in the bucket; empty when nothing is. */
    private static List<String> keysLeft(S3Client s3, String bucket) {
        ListObjectVersionsResponse page;
        try {
            page = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(KEYS_NAMED));
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw e;
            }
            // A server without versions at all: its objects are all there is.
            return s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(KEYS_NAMED)).contents().stream()
                    .map(S3Object::key).toList();
        }
        List<String> keys = new ArrayList<>();
        for (ObjectVersion v : page.versions()) {
            keys.add(v.key());
        }
        for (DeleteMarkerEntry m : page.deleteMarkers()) {
            keys.add(m.key());
        }
        return keys.stream().distinct().limit(KEYS_NAMED).toList();
    }
}
