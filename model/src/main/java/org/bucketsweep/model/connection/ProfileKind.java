package org.bucketsweep.model.connection;

/**
 * Where a profile's credentials come from, in the order the SDK looks at a profile's properties. Shown next to the
 * profile's name so that the person knows what connecting will involve (a browser login, an MFA code).
 */
public enum ProfileKind {
    ROLE_WITH_MFA("role, MFA"),
    ROLE("role"),
    WEB_IDENTITY("web identity"),
    SSO("SSO"),
    SESSION_TOKEN("session token"),
    KEYS("keys"),
    CREDENTIAL_PROCESS("credential process"),
    NO_CREDENTIALS("no credentials");

    private final String label;

    ProfileKind(String label) {
        this.label = label;
    }

    /** A few words for the connect dialog: "SSO", "role, MFA". */
    public String label() {
        return label;
    }
}
