package org.bucketsweep.model.browse;

import java.util.List;

/** One page of a listing as it arrives from S3, in S3's order. */
public record ListingPage(List<ListingEntry> entries, boolean last) {

    public ListingPage {
        entries = List.copyOf(entries);
    }
}
