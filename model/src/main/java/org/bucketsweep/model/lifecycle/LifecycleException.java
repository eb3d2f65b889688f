package org.bucketsweep.model.lifecycle;

import org.bucketsweep.model.S3Failure;

/**
 * Reading or changing lifecycle rules failed, with what that means for lifecycle rules in particular: a server that
 * has no lifecycle support at all (the demo sandbox's local server, S3Proxy) answers NotImplemented, and a role that
 * may delete objects often may not touch the bucket's configuration.
 */
public final class LifecycleException extends RuntimeException {

    private final transient S3Failure failure;

    LifecycleException(String code, String message, String requestId, String hint, Throwable cause) {
        super(message, cause);
        this.failure = new S3Failure(code, message, requestId, hint, true);
    }

    private LifecycleException(S3Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    /** {@code action} says what was being done, e.g. "read the lifecycle rules of logs". */
    static LifecycleException of(String action, Throwable error) {
        S3Failure s3 = S3Failure.of(error);
        String code = s3.code();
        S3Failure failure = switch (code) {
            case "NotImplemented", "HTTP 501", "HTTP 405", "MethodNotAllowed" -> new S3Failure("NotImplemented",
                    "This server does not support lifecycle rules (it answered " + code + " when asked to " + action
                    + ").", s3.requestId(), "Delete with BucketSweep instead, or use a server with lifecycle"
                    + " support (AWS S3, Ceph RGW, MinIO).", true);
            case "AccessDenied", "HTTP 403" -> new S3Failure("AccessDenied",
                    "Access denied: these credentials may not " + action + ".", s3.requestId(),
                    "Lifecycle rules need the permissions s3:GetLifecycleConfiguration and"
                    + " s3:PutLifecycleConfiguration on the bucket (DeleteBucketLifecycle is covered by the Put"
                    + " permission). Ask the bucket's owner, or delete with BucketSweep instead.", true);
            case "NoSuchBucket" -> new S3Failure("NoSuchBucket", "The bucket does not exist (any more), so BucketSweep"
                    + " could not " + action + ".", s3.requestId(), "Refresh the bucket list.", true);
            default -> new S3Failure(code, "Could not " + action + ": " + s3.message(), s3.requestId(), s3.hint(),
                    s3.expected());
        };
        return new LifecycleException(failure, error);
    }

    /** What to show: code, message, request id and what to do next. */
    public S3Failure failure() {
        return failure;
    }
}
