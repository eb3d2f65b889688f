package org.bucketsweep.model.browse;

/**
 * A bucket's Object Lock configuration.
 *
 * @param defaultMode   GOVERNANCE or COMPLIANCE when a default retention is set, else {@code null}
 * @param defaultPeriod e.g. "30 days" or "1 year", else {@code null}
 */
public record ObjectLockStatus(State state, String defaultMode, String defaultPeriod) {

    /** Whether the bucket has Object Lock. */
    public enum State { ENABLED, DISABLED, UNKNOWN }

    public static final ObjectLockStatus DISABLED = new ObjectLockStatus(State.DISABLED, null, null);
    public static final ObjectLockStatus UNKNOWN = new ObjectLockStatus(State.UNKNOWN, null, null);

    /** "Object Lock", "Object Lock: GOVERNANCE 30 days", for a badge or tooltip. */
    public String describe() {
        if (state != State.ENABLED) {
            return state == State.DISABLED ? "No Object Lock" : "Object Lock status unknown";
        }
        return defaultMode == null ? "Object Lock (no default retention)"
                : "Object Lock: " + defaultMode + " " + defaultPeriod + " by default";
    }
}
