package org.bucketsweep.model.usage;

import java.util.List;
import java.util.Objects;

/**
 * Where the space of a bucket (or of a prefix in it) goes, folder by folder.
 *
 * @param folders  one row per folder, most noncurrent bytes first; each key counts in exactly one row
 * @param total    the sum of every row, with the scanned prefix as its folder
 * @param versions versions and delete markers scanned
 * @param complete {@code false} when the scan was cancelled: the figures then cover only what was listed so far
 * @param notes    what could not be counted and why (for example multipart uploads the credentials may not list)
 */
public record UsageReport(String bucket, String prefix, int depth, List<FolderUsage> folders, FolderUsage total,
                          long versions, boolean complete, List<String> notes) {

    public UsageReport {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        folders = List.copyOf(folders);
        Objects.requireNonNull(total, "total");
        notes = List.copyOf(notes);
    }
}
