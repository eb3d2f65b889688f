package org.bucketsweep.model.delete;

/** The person declined to give an MFA code: the job stops and its unsent items are not attempted. */
public final class MfaCancelledException extends Exception {

    public MfaCancelledException(String message) {
        super(message);
    }
}
