package org.bucketsweep.model.delete;

/**
 * Asked once per job, on the job's thread, when the server rejects the {@code <ETag>} element of DeleteObjects
 * (the request failed as a whole, so nothing of it was deleted): may the job go on deleting current objects
 * without the check that they are unchanged since the preview? It may block while a person decides.
 */
@FunctionalInterface
public interface ConditionalDeleteFallback {

    /**
     * @param serverAnswer the server's error, e.g. {@code "MalformedXML: The XML you provided was not well-formed"}
     * @return {@code true} to send the rest of the job without ETags, {@code false} to delete nothing more
     */
    boolean deleteWithoutCondition(String serverAnswer);

    /** For jobs nobody can be asked about: never fall back. */
    ConditionalDeleteFallback DECLINE = serverAnswer -> false;
}
