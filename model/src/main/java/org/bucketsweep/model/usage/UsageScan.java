package org.bucketsweep.model.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Finds where the space of a bucket or prefix goes: one streaming pass over ListObjectVersions, page by page, then
 * one over ListMultipartUploads with each upload's parts. Blocks: call it off the UI thread.
 *
 * <p>Memory grows with the number of folder rows, never with the number of versions: S3 lists a key's versions
 * next to each other, so the only per-key state is the key being counted (enough to tell an expired delete marker,
 * one that is the only version left of its key).
 */
public final class UsageScan {

    /** One folder level below the scanned prefix, unless asked otherwise. */
    public static final int DEFAULT_DEPTH = 1;

    /** Newest-noncurrent-bytes first, the folder name breaking ties, so the same bucket always reads the same. */
    public static final Comparator<FolderUsage> MOST_NONCURRENT_BYTES_FIRST = Comparator
            .comparingLong(FolderUsage::noncurrentBytes).reversed()
            .thenComparing(FolderUsage::folder);

    private final BucketBrowser browser;
    private final MultipartUploads uploads;

    public UsageScan(S3Connection connection) {
        this(connection, null);
    }

    /** Lists with pages of at most {@code pageSize} entries (versions and uploads), for tests and benches. */
    public UsageScan(S3Connection connection, Integer pageSize) {
        this.browser = new BucketBrowser(connection, pageSize);
        this.uploads = new MultipartUploads(connection, pageSize);
    }

    /**
     * Scans {@code bucket} under {@code prefix} ({@code ""} or {@code null}: the whole bucket), with folder rows
     * {@code depth} levels below the prefix. A cancelled scan returns what it counted so far, marked incomplete.
     *
     * @throws UsageScanException when versions cannot be listed (the bucket does not exist or vanished, access
     *                            denied, the network): incomplete figures would mislead, so none are returned
     */
    public UsageReport scan(String bucket, String prefix, int depth, UsageProgress progress,
                            CancellationToken cancel) {
        String p = prefix == null ? "" : prefix;
        Map<String, FolderTally> tallies = new HashMap<>();
        KeyCounter counter = new KeyCounter(new Folders(p, depth), tallies);
        try {
            browser.listAllVersions(bucket, p, page -> {
                for (ListingEntry entry : page.entries()) {
                    if (entry instanceof ObjectVersion version) {
                        counter.count(version);
                    }
                }
                progress.scanned(counter.versions());
            }, cancel);
        } catch (SdkException e) {
            throw versionsFailed(bucket, e, counter.versions());
        }
        counter.finish();
        List<String> notes = new ArrayList<>();
        if (!cancel.isCancelled()) {
            countUploads(bucket, p, counter, notes, cancel);
        }
        return report(bucket, p, depth, tallies, counter.versions(), !cancel.isCancelled(), notes);
    }

    private void countUploads(String bucket, String prefix, KeyCounter counter, List<String> notes,
                              CancellationToken cancel) {
        try {
            uploads.list(bucket, prefix, true, page -> {
                for (MultipartUpload upload : page) {
                    counter.upload(upload);
                }
            }, cancel);
        } catch (S3Exception e) {
            S3Failure failure = S3Failure.of(e);
            if (isMissingBucket(e)) {
                throw new UsageScanException("The bucket " + bucket + " vanished during the scan (after "
                        + counter.versions() + " versions): there is nothing left to report.", failure,
                        counter.versions(), e);
            }
            // Versions are counted in full; only the uploads are missing, and the report says so.
            notes.add("Incomplete multipart uploads were not counted: " + failure.summary() + ". "
                    + (e.statusCode() == 403
                    ? "The credentials may not list them (s3:ListBucketMultipartUploads)."
                    : e.statusCode() == 501 ? "The server does not list multipart uploads." : "")
                    .trim());
        }
    }

    private static UsageScanException versionsFailed(String bucket, SdkException e, long versions) {
        S3Failure failure = S3Failure.of(e);
        String message;
        if (e instanceof S3Exception s3 && isMissingBucket(s3)) {
            message = versions == 0 ? "The bucket " + bucket + " does not exist (any more)."
                    : "The bucket " + bucket + " vanished during the scan, after " + versions + " versions: the"
                    + " figures so far are not shown, they would mislead.";
        } else if (e instanceof S3Exception s3 && s3.statusCode() == 403) {
            message = "The credentials may not list the versions of " + bucket + " (s3:ListBucketVersions): "
                    + failure.summary() + ".";
        } else {
            message = "Listing the versions of " + bucket + " failed after " + versions + " versions: "
                    + failure.summary() + (failure.hint() == null ? "" : ". " + failure.hint());
        }
        return new UsageScanException(message, failure, versions, e);
    }

    private static boolean isMissingBucket(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return "NoSuchBucket".equals(code) || (code == null && e.statusCode() == 404);
    }

    private static UsageReport report(String bucket, String prefix, int depth, Map<String, FolderTally> tallies,
                                      long versions, boolean complete, List<String> notes) {
        List<FolderUsage> rows = new ArrayList<>(tallies.size());
        FolderTally total = new FolderTally(prefix);
        for (FolderTally tally : tallies.values()) {
            FolderUsage row = tally.toUsage();
            rows.add(row);
            total.add(row);
        }
        rows.sort(MOST_NONCURRENT_BYTES_FIRST);
        return new UsageReport(bucket, prefix, depth, rows, total.toUsage(), versions, complete, notes);
    }
}
