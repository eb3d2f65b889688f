package org.bucketsweep.model.browse;

/** One row of a listing: a common prefix (a "folder"), an object version, or a key above its versions. */
public sealed interface ListingEntry permits CommonPrefix, KeyHistory, ObjectVersion {

    /** The full key or prefix. */
    String key();
}
