package org.bucketsweep.model.browse;

/** One row of a listing: a common prefix (a "folder") or an object version. */
public sealed interface ListingEntry permits CommonPrefix, ObjectVersion {

    /** The full key or prefix. */
    String key();
}
