package org.bucketsweep.model;

import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What went wrong with a call to S3, in words a person can act on.
 *
 * @param code      S3's error code ({@code AccessDenied}, {@code NoSuchBucket}), or a code of ours for failures
 *                  that never reached S3 ({@code ConnectionFailed}), or {@code HTTP 403} when the server sent no code
 * @param message   the server's message, or ours where the server said nothing useful
 * @param requestId S3's request id, for a support case; {@code null} when there was none
 * @param hint      what to do next; {@code null} when we have nothing better to say
 * @param expected  whether this is an error S3 or the network produces in normal use (shown without a stack trace)
 */
public record S3Failure(String code, String message, String requestId, String hint, boolean expected) {

    public static S3Failure of(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof AwsServiceException service) {
            return fromService(service);
        }
        if (e instanceof SdkClientException client) {
            return fromClient(client);
        }
        if (e instanceof SdkException sdk) {
            return new S3Failure("ClientError", sdk.getMessage(), null, null, true);
        }
        return new S3Failure(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), null, null, false);
    }

    /** Code and message on one line, for a results row or a log line. */
    public String summary() {
        return message == null || message.isBlank() ? code : code + ": " + message;
    }

    private static S3Failure fromService(AwsServiceException e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        boolean noCode = code == null || code.isBlank();
        if (noCode) {
            code = "HTTP " + status;
        }
        if (message == null || message.isBlank()) {
            message = noCode ? "The server answered HTTP " + status + " with no error details." : code;
        }
        return new S3Failure(code, message, e.requestId(), hintFor(code, status, noCode), true);
    }

    private static String hintFor(String code, int status, boolean noCode) {
        return switch (code) {
            case "InvalidAccessKeyId" -> "The access key id is not known to this server. Check the connection's keys.";
            case "SignatureDoesNotMatch" ->
                    "The secret key does not match the access key id, or a proxy changed the request.";
            case "ExpiredToken", "TokenRefreshRequired" -> "The session token has expired. Refresh the credentials.";
            case "RequestTimeTooSkewed" -> "This computer's clock is too far from the server's. Correct the clock.";
            case "AccessDenied" -> "The credentials lack the permission for this call, or MFA was required.";
            case "NoSuchBucket" -> "The bucket does not exist (any more). Refresh the bucket list.";
            case "NotImplemented" -> "The server does not support this operation.";
            case "SlowDown", "ServiceUnavailable", "InternalError" -> "The server is busy. Try again in a moment.";
            default -> noCode && status == 403
                    ? "The server refused the request. On an MFA Delete bucket this means the MFA code was missing,"
                      + " wrong or already used."
                    : null;
        };
    }

    private static S3Failure fromClient(SdkClientException e) {
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new S3Failure("UnknownHost", "The host " + cause.getMessage() + " could not be found.", null,
                    "Check the endpoint URL and the network connection.", true);
        }
        if (cause instanceof ConnectException) {
            return new S3Failure("ConnectionFailed", "Could not connect: " + cause.getMessage(), null,
                    "Check the endpoint URL and that the server is running.", true);
        }
        if (cause instanceof SSLException) {
            return new S3Failure("TlsError", "The secure connection failed: " + cause.getMessage(), null,
                    "Check the endpoint's certificate and that the URL uses the right scheme.", true);
        }
        return new S3Failure("ClientError", e.getMessage(), null, null, true);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
