package org.bucketsweep.model.usage;

/** Told after each page of a usage scan; called on the scanning thread. */
@FunctionalInterface
public interface UsageProgress {

    UsageProgress NONE = versions -> { };

    /** {@code versions} versions and delete markers have been counted so far. */
    void scanned(long versions);
}
