package org.bucketsweep.model.delete;

import java.util.Locale;
import java.util.Set;
import org.bucketsweep.model.S3Failure;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What a failed request's error means for what the engine does next: retry, fall back, split, ask again. */
final class ServerAnswers {

    private static final Set<String> RETRYABLE_CODES = Set.of("SlowDown", "InternalError", "ServiceUnavailable",
            "Throttling", "ThrottlingException", "RequestTimeout", "RequestTimeTooSkewed", "TooManyRequests",
            "OperationAborted");
    private static final Set<String> THROTTLING_CODES = Set.of("SlowDown", "ServiceUnavailable", "Throttling",
            "ThrottlingException", "RequestTimeout", "TooManyRequests");
    private static final Set<String> TOO_LARGE_CODES = Set.of("MalformedXML", "EntityTooLarge",
            "MaxMessageLengthExceeded", "InvalidArgument");

    /** What a server that does not know DeleteObjects' {@code <ETag>} may answer to it. */
    private static final Set<String> ETAG_REJECTION_CODES = Set.of("MalformedXML", "InvalidArgument",
            "InvalidRequest", "UnexpectedContent", "NotImplemented");

    /** S3's per-item code for an object whose ETag is no longer the one sent. */
    static final String PRECONDITION_FAILED = "PreconditionFailed";

    static final String CHANGED_SINCE_PREVIEW = "Changed since the preview (its ETag is no longer the one previewed):"
            + " not deleted.";

    private ServerAnswers() {
    }

    /**
     * Whether a request that carried ETags failed because of them. Only NotImplemented, a message naming the ETag,
     * or one of the codes on a single-item request count: on a larger request MalformedXML or InvalidArgument may
     * mean "too many keys", and the request is split first (its halves carry ETags too, so a rejection of the
     * element still shows, at the latest on one item).
     */
    static boolean isETagRejection(AwsServiceException e, S3Failure failure, int batchSize) {
        if (isNotImplemented(e)) {
            return true;
        }
        if (e.statusCode() != 400 || !ETAG_REJECTION_CODES.contains(failure.code())) {
            return false;
        }
        String message = failure.message() == null ? "" : failure.message().toLowerCase(Locale.ROOT);
        return batchSize == 1 || message.contains("etag");
    }

    static boolean isRetryable(AwsServiceException e) {
        String code = code(e);
        return e.statusCode() >= 500 && e.statusCode() != 501 || e.statusCode() == 429
                || (code != null && RETRYABLE_CODES.contains(code)) || e.isThrottlingException();
    }

    /** The server asks for fewer requests (as opposed to a 500, which is a fault of its own). */
    static boolean isThrottling(AwsServiceException e) {
        String code = code(e);
        return e.statusCode() == 503 || e.statusCode() == 429 || (code != null && THROTTLING_CODES.contains(code))
                || e.isThrottlingException();
    }

    static boolean isNotImplemented(AwsServiceException e) {
        return e.statusCode() == 501 || "NotImplemented".equals(code(e));
    }

    static boolean isTooLarge(AwsServiceException e, S3Failure failure) {
        return e.statusCode() == 413 || (e.statusCode() == 400 && TOO_LARGE_CODES.contains(failure.code()));
    }

    /** Ceph answers a bad or missing code with 403 and an empty body; AWS with AccessDenied. */
    static boolean isMfaRefusal(AwsServiceException e) {
        String code = code(e);
        return e.statusCode() == 403 && (code == null || code.isBlank() || "AccessDenied".equals(code));
    }

    static String messageFor(S3Failure failure, boolean mfaSent) {
        boolean refused = failure.code().equals("HTTP 403") || failure.code().equals("AccessDenied");
        if (refused && mfaSent) {
            return "The server refused the request: the MFA code was wrong, expired or already used ("
                    + failure.summary() + ").";
        }
        if (failure.code().equals("HTTP 403")) {
            return "The server refused the request (HTTP 403 with no details). On a bucket with MFA Delete this"
                    + " means the MFA code was missing, wrong or already used.";
        }
        return failure.message();
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
