package org.bucketsweep.model.usage;

import org.bucketsweep.model.S3Failure;

/**
 * A usage scan that could not finish, with a message that says what happened in words a person can act on (the
 * bucket vanished, the credentials may not list versions, the network failed).
 */
public final class UsageScanException extends RuntimeException {

    private final transient S3Failure failure;
    private final long versionsScanned;

    UsageScanException(String message, S3Failure failure, long versionsScanned, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.versionsScanned = versionsScanned;
    }

    /** The S3 error behind it (code, message, request id, hint). */
    public S3Failure failure() {
        return failure;
    }

    /** How many versions had been counted when it stopped. */
    public long versionsScanned() {
        return versionsScanned;
    }
}
