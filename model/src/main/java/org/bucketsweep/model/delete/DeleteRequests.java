package org.bucketsweep.model.delete;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.RequestPayer;

/**
 * The requests of one job, with its options' headers. {@code Content-MD5} is not set here: the connection's client
 * carries the SDK's {@code LegacyMd5Plugin}, which computes it from the serialised body. The MFA header value
 * ({@code "SERIAL CODE"}) is passed in per request, because each code works once. An item's ETag goes with it as
 * {@code <ETag>} (or {@code If-Match} on a single DeleteObject); the run strips them when the job sends none.
 */
final class DeleteRequests {

    private final String bucket;
    private final DeleteOptions options;

    DeleteRequests(DeleteJob job) {
        this.bucket = job.bucket();
        this.options = job.options();
    }

    /** DeleteObjects for the batch; {@code mfaHeader} is {@code null} when none is needed. */
    DeleteObjectsRequest many(List<VersionRef> batch, String mfaHeader) {
        List<ObjectIdentifier> ids = new ArrayList<>(batch.size());
        for (VersionRef ref : batch) {
            // The ETag (only on items without a version) makes S3 delete the object only if it is unchanged.
            ids.add(ObjectIdentifier.builder().key(ref.key()).versionId(ref.versionId()).eTag(ref.eTag()).build());
        }
        return DeleteObjectsRequest.builder()
                .bucket(bucket)
                .delete(Delete.builder().objects(ids).quiet(options.quiet()).build())
                .mfa(mfaHeader)
                .bypassGovernanceRetention(options.bypassGovernanceRetention() ? Boolean.TRUE : null)
                .expectedBucketOwner(options.expectedBucketOwner())
                .requestPayer(options.requestPayer() ? RequestPayer.REQUESTER : null)
                .build();
    }

    /** DeleteObject for one item, for servers without multi-object delete. */
    DeleteObjectRequest one(VersionRef ref, String mfaHeader) {
        return DeleteObjectRequest.builder()
                .bucket(bucket)
                .key(ref.key())
                .versionId(ref.versionId())
                .ifMatch(ref.eTag())
                .mfa(mfaHeader)
                .bypassGovernanceRetention(options.bypassGovernanceRetention() ? Boolean.TRUE : null)
                .expectedBucketOwner(options.expectedBucketOwner())
                .requestPayer(options.requestPayer() ? RequestPayer.REQUESTER : null)
                .build();
    }
}
