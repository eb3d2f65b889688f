package org.bucketsweep.ui.dialog;

/** The MFA device's serial (or ARN) and the code it shows now. Never stored or logged. */
public record MfaAnswer(String serial, String code) {

    /** The {@code x-amz-mfa} header's value. */
    public String headerValue() {
        return serial.trim() + " " + code.trim();
    }

    @Override
    public String toString() {
        return "MfaAnswer[serial=" + serial + ", code=***]";
    }
}
