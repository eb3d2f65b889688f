package org.bucketsweep.model.delete;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * One request as the concurrency control sees it: when it went out, when its answer came, how many keys it carried
 * and what kind of answer it was.
 */
record RequestSample(long startNanos, long endNanos, int keys, Signal signal) {

    /** What an answer says about the server's load. */
    enum Signal {
        /** An answer (per-key errors included): the server kept up. */
        ANSWERED,
        /** 503, SlowDown, 429 or another throttling answer: the server asks for less. */
        THROTTLED,
        /** A timeout or reset connection: the server (or the path to it) is overloaded. */
        TIMED_OUT,
        /** Any other failure (AccessDenied, NotImplemented, ...): says nothing about load. */
        OTHER;

        static Signal of(Exception e) {
            if (e instanceof SdkClientException) {
                return TIMED_OUT;
            }
            if (e instanceof AwsServiceException s && ServerAnswers.isThrottling(s)) {
                return THROTTLED;
            }
            return OTHER;
        }
    }

    long nanos() {
        return Math.max(1, endNanos - startNanos);
    }
}
