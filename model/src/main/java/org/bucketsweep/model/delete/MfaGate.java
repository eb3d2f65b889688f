package org.bucketsweep.model.delete;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out MFA header values one request at a time and never the same one twice: a TOTP code is accepted once, so
 * a code the person (or a code command) repeats is asked for again, with a message saying so.
 */
final class MfaGate {

    /** How often a repeated code is asked for again before the request fails. */
    private static final int ASKS_FOR_A_NEW_CODE = 3;

    private final MfaCodeSupplier supplier;
    private final String bucket;
    private final int requestsNeedingMfa;
    private final Set<String> used = new HashSet<>();
    private int asked;

    MfaGate(MfaCodeSupplier supplier, String bucket, int requestsNeedingMfa) {
        this.supplier = supplier;
        this.bucket = bucket;
        this.requestsNeedingMfa = requestsNeedingMfa;
    }

    /**
     * A fresh {@code "SERIAL CODE"} for the next request.
     *
     * @param refusal why the previous code did not work, or {@code null}
     * @throws MfaCancelledException when the person declines
     * @throws MfaCodeReusedException when only already-used codes came back
     */
    synchronized String next(String refusal) throws MfaCancelledException, MfaCodeReusedException {
        int request = Math.min(++asked, Math.max(requestsNeedingMfa, 1));
        String why = refusal;
        for (int i = 0; i < ASKS_FOR_A_NEW_CODE; i++) {
            String value = supplier.serialAndCode(new MfaRequest(bucket, request, requestsNeedingMfa, why));
            String normalized = value == null ? "" : value.trim().replaceAll("\\s+", " ");
            if (!normalized.isEmpty() && used.add(normalized)) {
                return normalized;
            }
            why = "That code was already used; each request needs a new one. Wait for the next code.";
        }
        throw new MfaCodeReusedException();
    }

    /** Only already-used MFA codes were given. */
    static final class MfaCodeReusedException extends Exception {
        MfaCodeReusedException() {
            super("Only codes that were already used were given; a TOTP code works once.");
        }
    }
}
