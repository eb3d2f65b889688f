package org.bucketsweep.model.delete;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.connection.S3Connection;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Finds out whether a bucket's server really checks DeleteObjects' {@code <ETag>}. Its answer to a delete with
 * the right ETag cannot tell: a server that ignores the element (Ceph RGW 16, local-s3 2.4) answers "Deleted" just
 * as one that checked it. So the probe writes a small object of its own, asks to delete it with a wrong ETag, and
 * looks: still there means the server checks. It then removes every trace of it (on a versioned bucket its
 * version and any delete marker, by version id). It needs permission to write, and is not run on an MFA Delete
 * bucket, where removing its own version would need a code.
 */
public final class ConditionalDeleteProbe {

    /** Where the probe's object goes; a person seeing it in a listing should know what it is. */
    public static final String KEY_PREFIX = ".bucketsweep-probe/conditional-delete-";
    private static final String WRONG_ETAG = "\"00000000000000000000000000000000\"";

    /** What the server does with the ETag of a delete. */
    public enum Support {
        /** An object whose ETag does not match is not deleted (PreconditionFailed). */
        CHECKED,
        /** The object was deleted although its ETag did not match: no protection at all. */
        IGNORED,
        /** The server refuses requests that carry an ETag. */
        REJECTED,
        /** The probe could not run or its answer was unclear; see the detail. */
        UNKNOWN
    }

    /** @param detail what was seen, in words, for the person */
    public record Result(Support support, String detail) {
    }

    private ConditionalDeleteProbe() {
    }

    public static Result probe(S3Connection connection, String bucket, boolean mfaDelete) {
        if (mfaDelete) {
            return new Result(Support.UNKNOWN, "Not probed: on an MFA Delete bucket the probe's own version could"
                    + " not be removed without a code.");
        }
        S3Client s3 = connection.client(bucket);
        String key = KEY_PREFIX + UUID.randomUUID();
        String versionId;
        try {
            versionId = blankToNull(s3.putObject(b -> b.bucket(bucket).key(key),
                    RequestBody.fromString("BucketSweep checks whether this server honours conditional deletes."))
                    .versionId());
        } catch (SdkException e) {
            return new Result(Support.UNKNOWN, "Could not write a probe object: " + S3Failure.of(e).summary());
        }
        List<String> versionsToRemove = new ArrayList<>();
        if (versionId != null) {
            versionsToRemove.add(versionId);
        }
        Result result;
        try {
            DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                    ObjectIdentifier.builder().key(key).eTag(WRONG_ETAG).build())));
            result = read(r, versionsToRemove);
        } catch (AwsServiceException e) {
            S3Failure failure = S3Failure.of(e);
            result = ServerAnswers.isETagRejection(e, failure, 1)
                    ? new Result(Support.REJECTED, "The server rejects the ETag element: " + failure.summary())
                    : new Result(Support.UNKNOWN, "The probe's delete failed: " + failure.summary());
        } catch (SdkException e) {
            result = new Result(Support.UNKNOWN, "The probe's delete failed: " + S3Failure.of(e).summary());
        }
        String leftover = removeProbe(s3, bucket, key, versionId == null, versionsToRemove);
        return leftover == null ? result : new Result(result.support(), result.detail() + " " + leftover);
    }

    private static Result read(DeleteObjectsResponse r, List<String> versionsToRemove) {
        for (S3Error error : r.errors()) {
            if (ServerAnswers.PRECONDITION_FAILED.equals(error.code())) {
                return new Result(Support.CHECKED, "The server checks the ETag: an object whose ETag did not"
                        + " match was not deleted.");
            }
            return new Result(Support.UNKNOWN, "The probe's delete failed: " + error.code() + ": "
                    + error.message());
        }
        if (!r.deleted().isEmpty()) {
            String marker = blankToNull(r.deleted().get(0).deleteMarkerVersionId());
            if (marker != null) {
                versionsToRemove.add(marker);
            }
            return new Result(Support.IGNORED, "The server ignores the ETag: it deleted an object whose ETag did"
                    + " not match. Deletes of current objects are not protected on it.");
        }
        return new Result(Support.UNKNOWN, "The server gave no answer for the probe's object.");
    }

    /** Removes the probe's object; returns a sentence when something of it is left, else {@code null}. */
    private static String removeProbe(S3Client s3, String bucket, String key, boolean unversioned,
                                      List<String> versions) {
        try {
            if (unversioned) {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                return null;
            }
            List<ObjectIdentifier> ids = versions.stream()
                    .map(v -> ObjectIdentifier.builder().key(key).versionId(v).build()).toList();
            DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids)));
            return r.errors().isEmpty() ? null : "The probe object " + key + " could not be removed: "
                    + r.errors().get(0).code() + ".";
        } catch (SdkException e) {
            return "The probe object " + key + " could not be removed: " + S3Failure.of(e).summary() + ".";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
