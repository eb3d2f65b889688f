package org.bucketsweep.model.delete;

/**
 * How a delete job talks to S3.
 *
 * @param batchSize                 keys per DeleteObjects request, 1 to {@value DeleteJob#MAX_BATCH}
 * @param concurrency               requests in flight at once, or {@link #ADAPTIVE} to let the engine find the number
 *                                  that suits the server (MFA jobs always send one at a time)
 * @param quiet                     ask S3 to report only errors; unmentioned keys are then taken as deleted
 * @param bypassGovernanceRetention send {@code x-amz-bypass-governance-retention: true} (needs the permission)
 * @param expectedBucketOwner       the account id the bucket must belong to, or {@code null}
 * @param requestPayer              send {@code x-amz-request-payer: requester}
 * @param ifUnchanged               whether deletes of current objects carry the previewed ETag
 */
public record DeleteOptions(int batchSize, int concurrency, boolean quiet, boolean bypassGovernanceRetention,
                            String expectedBucketOwner, boolean requestPayer, RetryPolicy retry,
                            IfUnchanged ifUnchanged) {

    /**
     * Requests in flight found while the job runs ({@code AdaptiveConcurrency}): no fixed number suits every
     * server, and a person should not have to tune it.
     */
    public static final int ADAPTIVE = 0;

    public static final int DEFAULT_CONCURRENCY = ADAPTIVE;

    /** The most requests in flight a person may choose. */
    public static final int MAX_CONCURRENCY = 64;

    public static final DeleteOptions DEFAULTS =
            new DeleteOptions(DeleteJob.MAX_BATCH, DEFAULT_CONCURRENCY, false, false, null, false, RetryPolicy.DEFAULT,
                    IfUnchanged.AUTO);

    public DeleteOptions {
        if (batchSize < 1 || batchSize > DeleteJob.MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1.." + DeleteJob.MAX_BATCH + ", was " + batchSize);
        }
        if (concurrency < ADAPTIVE || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY + " or ADAPTIVE (0), was "
                    + concurrency);
        }
        if (expectedBucketOwner != null && expectedBucketOwner.isBlank()) {
            expectedBucketOwner = null;
        }
        if (retry == null) {
            retry = RetryPolicy.DEFAULT;
        }
        if (ifUnchanged == null) {
            ifUnchanged = IfUnchanged.AUTO;
        }
    }

    /** Options that delete current objects only if unchanged since the preview, where the server checks that. */
    public DeleteOptions(int batchSize, int concurrency, boolean quiet, boolean bypassGovernanceRetention,
                         String expectedBucketOwner, boolean requestPayer, RetryPolicy retry) {
        this(batchSize, concurrency, quiet, bypassGovernanceRetention, expectedBucketOwner, requestPayer, retry,
                IfUnchanged.AUTO);
    }

    public boolean adaptiveConcurrency() {
        return concurrency == ADAPTIVE;
    }

    public DeleteOptions withBatchSize(int size) {
        return new DeleteOptions(size, concurrency, quiet, bypassGovernanceRetention, expectedBucketOwner,
                requestPayer, retry, ifUnchanged);
    }

    public DeleteOptions withConcurrency(int n) {
        return new DeleteOptions(batchSize, n, quiet, bypassGovernanceRetention, expectedBucketOwner, requestPayer,
                retry, ifUnchanged);
    }

    public DeleteOptions withQuiet(boolean q) {
        return new DeleteOptions(batchSize, concurrency, q, bypassGovernanceRetention, expectedBucketOwner,
                requestPayer, retry, ifUnchanged);
    }

    public DeleteOptions withRetry(RetryPolicy policy) {
        return new DeleteOptions(batchSize, concurrency, quiet, bypassGovernanceRetention, expectedBucketOwner,
                requestPayer, policy, ifUnchanged);
    }

    public DeleteOptions withBypassGovernanceRetention(boolean bypass) {
        return new DeleteOptions(batchSize, concurrency, quiet, bypass, expectedBucketOwner, requestPayer, retry,
                ifUnchanged);
    }

    public DeleteOptions withExpectedBucketOwner(String owner) {
        return new DeleteOptions(batchSize, concurrency, quiet, bypassGovernanceRetention, owner, requestPayer, retry,
                ifUnchanged);
    }

    public DeleteOptions withRequestPayer(boolean payer) {
        return new DeleteOptions(batchSize, concurrency, quiet, bypassGovernanceRetention, expectedBucketOwner, payer,
                retry, ifUnchanged);
    }

    public DeleteOptions withIfUnchanged(IfUnchanged mode) {
        return new DeleteOptions(batchSize, concurrency, quiet, bypassGovernanceRetention, expectedBucketOwner,
                requestPayer, retry, mode);
    }
}
