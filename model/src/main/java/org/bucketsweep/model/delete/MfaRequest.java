package org.bucketsweep.model.delete;

/**
 * A delete request that needs an MFA code before it can be sent.
 *
 * @param requestNumber      1 for the job's first request that needs a code
 * @param requestsNeedingMfa how many of the job's requests need a code in all
 * @param refusal            why the previous code was refused, or {@code null} on the first ask
 */
public record MfaRequest(String bucket, int requestNumber, int requestsNeedingMfa, String refusal) {
}
