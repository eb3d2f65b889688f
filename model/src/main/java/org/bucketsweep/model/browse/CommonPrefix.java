package org.bucketsweep.model.browse;

/** A prefix ending in the delimiter, which S3 rolls up instead of listing the keys under it. */
public record CommonPrefix(String key) implements ListingEntry {
}
