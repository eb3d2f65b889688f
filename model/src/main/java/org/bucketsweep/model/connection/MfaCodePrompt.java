package org.bucketsweep.model.connection;

import java.util.Optional;

/**
 * Asks the person for the code their MFA device shows, when a role profile with {@code mfa_serial} needs fresh
 * credentials: on connecting, and again when the role's session runs out. Called on the thread that is about to
 * send a request (never the UI thread); it blocks while the person types.
 */
@FunctionalInterface
public interface MfaCodePrompt {

    /** The current code of the device {@code mfaSerial}, or empty when the person declines. */
    Optional<String> codeFor(String profile, String mfaSerial);

    /** For callers that cannot ask anyone (tests, scripts): a role that needs MFA then fails clearly. */
    MfaCodePrompt NONE = (profile, serial) -> Optional.empty();
}
