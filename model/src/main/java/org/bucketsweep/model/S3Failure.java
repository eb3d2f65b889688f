package org.bucketsweep.model;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.bucketsweep.model.connection.MfaCodeNotGivenException;
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
        MfaCodeNotGivenException noMfa = find(e, MfaCodeNotGivenException.class);
        if (noMfa != null) {
            return new S3Failure("MfaCodeNotGiven", noMfa.getMessage(), null,
                    "Connect again and enter the code your MFA device shows.", true);
        }
        if (e instanceof AwsServiceException service) {
            return fromService(service);
        }
        if (e instanceof SdkClientException client) {
            return fromClient(client);
        }
        if (e instanceof SdkException sdk) {
            return new S3Failure("ClientError", sdk.getMessage(), null, null, true);
        }
        S3Failure credentials = credentialsFailure(e);
        if (credentials != null) {
            return credentials;
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
            case "InvalidClientTokenId" -> "The access key id is not known to AWS. Check the profile's keys.";
            case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired" ->
                    "The session token has expired. Get fresh credentials (aws sso login, or new keys from your"
                    + " identity provider) and connect again.";
            case "InvalidToken" -> "The session token is malformed or not valid here. Check the session token.";
            case "RequestTimeTooSkewed" -> "This computer's clock is too far from the server's (more than 15"
                    + " minutes). Correct the clock, or turn on automatic time synchronisation.";
            case "AccessDenied" -> "The credentials lack the permission for this call, or MFA was required.";
            case "AllAccessDisabled", "AccountProblem" ->
                    "The account cannot use S3 at the moment. The account owner must contact the provider.";
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                    "The bucket is in another region than the connection's. Set the connection's region to the"
                    + " bucket's.";
            case "NoSuchBucket" -> "The bucket does not exist (any more). Refresh the bucket list.";
            case "NotImplemented" -> "The server does not support this operation.";
            case "SlowDown", "ServiceUnavailable", "InternalError" -> "The server is busy. Try again in a moment.";
            default -> noCode && status == 403
                    ? "The server refused the request. On an MFA Delete bucket this means the MFA code was missing,"
                      + " wrong or already used."
                    : noCode && status == 301
                    ? "The bucket is in another region than the connection's. Set the connection's region to the"
                      + " bucket's."
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
        if (cause instanceof SocketTimeoutException) {
            return new S3Failure("Timeout", "The server did not answer in time: " + cause.getMessage(), null,
                    "Check the endpoint URL, a firewall or proxy in between, and that the server is running.", true);
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return new S3Failure("TlsError", "The secure connection failed: " + tls.getMessage(), null,
                    tlsHint(e, tls), true);
        }
        S3Failure credentials = credentialsFailure(e);
        if (credentials != null) {
            return credentials;
        }
        return new S3Failure("ClientError", e.getMessage(), null, null, true);
    }

    /**
     * Credentials that could not be had: the SDK's profile support reports these only in words, some as
     * SdkClientException, the credential process as IllegalStateException.
     */
    private static S3Failure credentialsFailure(Throwable e) {
        String text = messages(e);
        if (text.contains("SSO") || fromPackage(e, "software.amazon.awssdk.services.sso")) {
            return new S3Failure("SsoLoginNeeded", deepestMessage(e), null,
                    "Sign in with the AWS CLI first (aws sso login --profile NAME), then connect again.", true);
        }
        if (text.contains("process-based credentials") || text.contains("Command returned non-zero exit value")) {
            return new S3Failure("CredentialProcessFailed", deepestMessage(e), null,
                    "The profile's credential_process command failed. Run it in a terminal to see why.", true);
        }
        if (text.contains("Unable to load credentials") || text.contains("contained no credentials")) {
            return new S3Failure("NoCredentials", e.getMessage(), null,
                    "Choose a profile that has credentials, or enter an access key id and secret key.", true);
        }
        return null;
    }

    private static String deepestMessage(Throwable e) {
        return causes(e).map(Throwable::getMessage).filter(m -> m != null && !m.isBlank())
                .reduce((outer, inner) -> inner).orElse(e.getMessage());
    }

    /** Says which of the usual TLS mistakes this looks like. */
    private static String tlsHint(SdkClientException e, SSLException tls) {
        String text = messages(e);
        if (text.contains("Unsupported or unrecognized SSL message") || text.contains("plaintext connection")) {
            return "The server does not speak TLS on this port: try http:// instead of https://, or the TLS port.";
        }
        if (text.contains("PKIX") || text.contains("unable to find valid certification path")) {
            return "The server's certificate is not trusted by this computer (self-signed or a private CA)."
                    + " Add the CA to Java's trust store, or use the endpoint's trusted name.";
        }
        if (text.contains("No subject alternative") || text.contains("doesn't match")
                || text.contains("does not match")) {
            return "The server's certificate is for another host name. Check the endpoint URL.";
        }
        return tls instanceof javax.net.ssl.SSLHandshakeException
                ? "The TLS handshake failed. Check the endpoint URL, its certificate and any proxy in between."
                : "Check the endpoint's certificate and that the URL uses the right scheme.";
    }

    /** Every message of the chain, for the few client failures the SDK reports only in words. */
    private static String messages(Throwable e) {
        return causes(e).map(t -> t.getMessage() + "\n").collect(Collectors.joining());
    }

    private static boolean fromPackage(Throwable e, String prefix) {
        return causes(e).anyMatch(t -> t.getClass().getName().startsWith(prefix));
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        return causes(e).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /** {@code e} and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
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
        return causes(e).reduce((outer, inner) -> inner).orElseThrow();
    }
}
