package org.bucketsweep.model.uploads;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Lists a bucket's incomplete multipart uploads (ListMultipartUploads, paged by key and upload id markers) and what
 * their parts hold (ListParts), and aborts them. Blocks: call it off the UI thread.
 */
public final class MultipartUploads {

    private final S3Connection connection;
    private final Integer pageSize;

    public MultipartUploads(S3Connection connection) {
        this(connection, null);
    }

    /** With pages of at most {@code pageSize} uploads (MaxUploads; AWS's default and maximum is 1,000). */
    public MultipartUploads(S3Connection connection, Integer pageSize) {
        this.connection = connection;
        this.pageSize = pageSize;
    }

    /**
     * Every incomplete upload under {@code prefix}, page by page as S3 answers, oldest key first; with
     * {@code withParts} each page's uploads first get their parts' sizes (one ListParts per upload). Cancelling stops
     * before the next request.
     */
    public void list(String bucket, String prefix, boolean withParts, Consumer<List<MultipartUpload>> sink,
                     CancellationToken cancel) {
        list(bucket, prefix, false, withParts, sink, cancel);
    }

    /**
     * Like {@link #list(String, String, boolean, Consumer, CancellationToken)}; with {@code oneLevel} only the
     * uploads of that folder itself, not of the folders below it. They are picked here from the uploads under the
     * prefix rather than by sending Delimiter "/": local-s3 (the demo sandbox) then ignores the prefix and answers
     * only the bucket's top-level common prefixes, so no upload at all. Incomplete uploads are few, so listing the
     * deeper ones too costs little.
     */
    public void list(String bucket, String prefix, boolean oneLevel, boolean withParts,
                     Consumer<List<MultipartUpload>> sink, CancellationToken cancel) {
        S3Client s3 = connection.client(bucket);
        String from = prefix == null ? "" : prefix;
        ListMultipartUploadsRequest request = ListMultipartUploadsRequest.builder()
                .bucket(bucket)
                .prefix(from.isEmpty() ? null : from)
                .encodingType(EncodingType.URL)
                .maxUploads(pageSize)
                .build();
        // The paginator follows NextKeyMarker and NextUploadIdMarker until IsTruncated is false.
        for (ListMultipartUploadsResponse page : s3.listMultipartUploadsPaginator(request)) {
            List<MultipartUpload> uploads = new ArrayList<>(page.uploads().size());
            for (var u : page.uploads()) {
                if (cancel.isCancelled()) {
                    return;
                }
                if (oneLevel && (!u.key().startsWith(from) || u.key().indexOf('/', from.length()) >= 0)) {
                    continue;
                }
                MultipartUpload upload = new MultipartUpload(u.key(), u.uploadId(), u.initiated(),
                        u.storageClassAsString(), null);
                uploads.add(withParts ? upload.withParts(partsOf(s3, bucket, upload, cancel)) : upload);
            }
            sink.accept(uploads);
            if (cancel.isCancelled()) {
                return;
            }
        }
    }

    /** Every incomplete upload under {@code prefix} with its parts, in one list. */
    public List<MultipartUpload> listAll(String bucket, String prefix, CancellationToken cancel) {
        List<MultipartUpload> all = new ArrayList<>();
        list(bucket, prefix, true, all::addAll, cancel);
        return all;
    }

    /**
     * The parts uploaded so far. An upload completed or aborted since it was listed (NoSuchUpload) holds nothing
     * any more.
     */
    public UploadedParts partsOf(String bucket, MultipartUpload upload, CancellationToken cancel) {
        return partsOf(connection.client(bucket), bucket, upload, cancel);
    }

    private UploadedParts partsOf(S3Client s3, String bucket, MultipartUpload upload, CancellationToken cancel) {
        int count = 0;
        long bytes = 0;
        try {
            // Paged by PartNumberMarker: an upload may have up to 10,000 parts, a page holds 1,000.
            for (ListPartsResponse page : s3.listPartsPaginator(b -> b.bucket(bucket).key(upload.key())
                    .uploadId(upload.uploadId()))) {
                for (Part part : page.parts()) {
                    count++;
                    bytes += part.size() == null ? 0 : part.size();
                }
                if (cancel.isCancelled()) {
                    break;
                }
            }
        } catch (NoSuchUploadException e) {
            return UploadedParts.NONE;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return UploadedParts.NONE;
            }
            throw e;
        }
        return new UploadedParts(count, bytes);
    }

    /**
     * Aborts one upload: its parts are deleted and no longer billed. S3 may still be writing a part that was in
     * flight; such a part is removed by a later abort, which is why an upload can show up again in a listing.
     */
    public void abort(String bucket, MultipartUpload upload) {
        connection.client(bucket).abortMultipartUpload(b -> b.bucket(bucket).key(upload.key())
                .uploadId(upload.uploadId()));
    }
}
