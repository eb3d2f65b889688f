package org.bucketsweep.ui.browser;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.browse.BucketSummary;

/** One step of the breadcrumb: the bucket itself (prefix "") or a folder. */
public record Crumb(String label, String prefix) {

    /** The steps from the bucket down to {@code prefix}; empty without a bucket. */
    static List<Crumb> trail(BucketSummary bucket, String prefix) {
        List<Crumb> crumbs = new ArrayList<>();
        if (bucket == null) {
            return crumbs;
        }
        crumbs.add(new Crumb(bucket.name(), ""));
        int start = 0;
        int slash;
        while ((slash = prefix.indexOf('/', start)) >= 0) {
            // "a//b/" has an empty segment: show it as "/" so every level stays reachable.
            String segment = prefix.substring(start, slash);
            crumbs.add(new Crumb(segment.isEmpty() ? "/" : segment, prefix.substring(0, slash + 1)));
            start = slash + 1;
        }
        return crumbs;
    }

    /** The folder that holds the folder {@code prefix} (which ends in "/"): "" for a folder at the top. */
    static String parent(String prefix) {
        String withoutSlash = prefix.substring(0, prefix.length() - 1);
        return withoutSlash.substring(0, withoutSlash.lastIndexOf('/') + 1);
    }
}
