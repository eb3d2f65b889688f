package org.bucketsweep.model.browse;

/**
 * One row of a listing: a common prefix (a "folder"), an object version, a key above its versions, or an incomplete
 * multipart upload under the folder.
 */
public sealed interface ListingEntry permits CommonPrefix, IncompleteUpload, KeyHistory, ObjectVersion {

    /** The full key or prefix. */
    String key();
}
