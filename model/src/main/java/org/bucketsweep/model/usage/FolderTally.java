package org.bucketsweep.model.usage;

import java.time.Instant;

/** The running counts of one folder while a scan goes on; one per folder, never one per key or version. */
final class FolderTally {

    private final String folder;
    private long currentObjects;
    private long currentBytes;
    private long noncurrentVersions;
    private long noncurrentBytes;
    private long deleteMarkers;
    private long expiredMarkers;
    private long uploads;
    private long uploadBytes;
    private Instant oldestNoncurrent;

    FolderTally(String folder) {
        this.folder = folder;
    }

    void current(long bytes) {
        currentObjects++;
        currentBytes += bytes;
    }

    void noncurrent(long bytes, Instant lastModified) {
        noncurrentVersions++;
        noncurrentBytes += bytes;
        if (lastModified != null && (oldestNoncurrent == null || lastModified.isBefore(oldestNoncurrent))) {
            oldestNoncurrent = lastModified;
        }
    }

    void deleteMarker() {
        deleteMarkers++;
    }

    void expiredMarker() {
        expiredMarkers++;
    }

    void upload(long bytes) {
        uploads++;
        uploadBytes += bytes;
    }

    void add(FolderUsage row) {
        currentObjects += row.currentObjects();
        currentBytes += row.currentBytes();
        noncurrentVersions += row.noncurrentVersions();
        noncurrentBytes += row.noncurrentBytes();
        deleteMarkers += row.deleteMarkers();
        expiredMarkers += row.expiredMarkers();
        uploads += row.uploads();
        uploadBytes += row.uploadBytes();
        Instant oldest = row.oldestNoncurrent();
        if (oldest != null && (oldestNoncurrent == null || oldest.isBefore(oldestNoncurrent))) {
            oldestNoncurrent = oldest;
        }
    }

    FolderUsage toUsage() {
        return new FolderUsage(folder, currentObjects, currentBytes, noncurrentVersions, noncurrentBytes,
                deleteMarkers, expiredMarkers, uploads, uploadBytes, oldestNoncurrent);
    }
}
