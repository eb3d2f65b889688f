package org.bucketsweep.model.connection;

/** A role profile needs an MFA code and the person gave none: no request was sent with the role. */
public final class MfaCodeNotGivenException extends RuntimeException {

    public MfaCodeNotGivenException(String profile) {
        super("Profile " + profile + " assumes a role that needs an MFA code, and none was given.");
    }
}
