package org.bucketsweep.model.delete;

/**
 * Supplies the {@code x-amz-mfa} value, {@code "SERIAL CODE"}, for one request. Called on the job's thread just
 * before the request is sent, since a TOTP code is good once and for a short time; it may block while a person
 * types the code.
 */
@FunctionalInterface
public interface MfaCodeSupplier {

    /** @throws MfaCancelledException when the person declines; the job then stops. */
    String serialAndCode(MfaRequest request) throws MfaCancelledException;

    /** For jobs that must not need MFA: asking is a programming error. */
    MfaCodeSupplier NONE = request -> {
        throw new MfaCancelledException("No MFA code is available for this job.");
    };
}
