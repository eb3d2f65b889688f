package org.bucketsweep.model.uploads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Aborts a list of incomplete multipart uploads, a few requests in flight (S3 has no batch abort), and reports one
 * {@link AbortResult} per upload. Retries of throttled or failed requests are the SDK client's (see S3Connection).
 * Blocks: call it off the UI thread.
 */
public final class UploadAborter {

    /** Requests in flight: AbortMultipartUpload is small and quick, a few in parallel hide the round trips. */
    public static final int DEFAULT_CONCURRENCY = 4;
    private static final Logger LOG = LoggerFactory.getLogger(UploadAborter.class);

    private final MultipartUploads uploads;
    private final int concurrency;

    public UploadAborter(MultipartUploads uploads) {
        this(uploads, DEFAULT_CONCURRENCY);
    }

    public UploadAborter(MultipartUploads uploads, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.uploads = uploads;
        this.concurrency = concurrency;
    }

    /**
     * Aborts every upload; {@code sink} gets each result as it comes, from worker threads, one call at a time.
     * After a cancel the uploads not yet sent are reported {@link AbortOutcome#NOT_ATTEMPTED}.
     *
     * @return every result, in the order of {@code toAbort}
     */
    public List<AbortResult> abort(String bucket, List<MultipartUpload> toAbort, Consumer<AbortResult> sink,
                                   CancellationToken cancel) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, toAbort.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "abort-uploads");
                    thread.setDaemon(true);
                    return thread;
                });
        Object sinkLock = new Object();
        try {
            List<Future<AbortResult>> pending = new ArrayList<>(toAbort.size());
            for (MultipartUpload upload : toAbort) {
                pending.add(pool.submit(() -> {
                    AbortResult result = cancel.isCancelled()
                            ? new AbortResult(upload, AbortOutcome.NOT_ATTEMPTED, null, "Cancelled before it was sent")
                            : abortOne(bucket, upload);
                    synchronized (sinkLock) {
                        sink.accept(result);
                    }
                    return result;
                }));
            }
            List<AbortResult> results = new ArrayList<>(pending.size());
            for (Future<AbortResult> future : pending) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while aborting uploads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Aborting an upload failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private AbortResult abortOne(String bucket, MultipartUpload upload) {
        try {
            uploads.abort(bucket, upload);
            return AbortResult.of(upload, AbortOutcome.ABORTED);
        } catch (NoSuchUploadException e) {
            return AbortResult.of(upload, AbortOutcome.ALREADY_GONE);
        } catch (SdkException e) {
            if (e instanceof S3Exception s3 && s3.statusCode() == 404 && isNoSuchUpload(s3)) {
                return AbortResult.of(upload, AbortOutcome.ALREADY_GONE);
            }
            S3Failure failure = S3Failure.of(e);
            LOG.warn("Abort of upload {} of {} failed: {}", upload.uploadId(), upload.key(), failure.summary());
            return new AbortResult(upload, AbortOutcome.FAILED, failure.code(), failure.message());
        }
    }

    private static boolean isNoSuchUpload(S3Exception e) {
        // Some servers answer 404 with an empty body to a HEAD-like abort; NoSuchBucket must stay an error.
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                || "NoSuchUpload".equals(e.awsErrorDetails().errorCode());
    }
}
