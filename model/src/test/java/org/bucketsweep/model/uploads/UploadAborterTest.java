package org.bucketsweep.model.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Aborting uploads on a real server: one result per upload, and the server holds only what was not chosen. */
class UploadAborterTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private S3Client s3;
    private MultipartUploads uploads;

    @BeforeEach
    void connect() {
        connection = server.connection();
        s3 = connection.client();
        new TestBuckets(s3).versionedBucket("media");
        uploads = new MultipartUploads(connection);
    }

    @Test
    void abortsExactlyTheChosenUploadsWithOneResultEach() {
        start("keep/a.bin");
        for (String key : List.of("stale/é &<>.bin", "stale/dir/", "stale/c.bin", "stale/d.bin")) {
            start(key);
        }
        List<MultipartUpload> stale = uploads.listAll("media", "stale/", new CancellationToken());
        List<AbortResult> streamed = Collections.synchronizedList(new ArrayList<>());

        List<AbortResult> results = new UploadAborter(uploads, 3).abort("media", stale, streamed::add,
                new CancellationToken());

        assertThat(results).extracting(AbortResult::upload).containsExactlyElementsOf(stale);
        assertThat(results).extracting(AbortResult::outcome).containsOnly(AbortOutcome.ABORTED);
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(results);
        assertThat(uploads.listAll("media", "", new CancellationToken()))
                .extracting(MultipartUpload::key).containsExactly("keep/a.bin");
    }

    @Test
    void anUploadAbortedMeanwhileIsReportedAsGoneNotAsAFailure() {
        start("x.bin");
        MultipartUpload upload = uploads.listAll("media", "", new CancellationToken()).get(0);
        uploads.abort("media", upload);

        List<AbortResult> results = new UploadAborter(uploads).abort("media", List.of(upload), r -> { },
                new CancellationToken());

        assertThat(results).singleElement().satisfies(r -> assertThat(r.outcome().gone()).isTrue());
    }

    @Test
    void aVanishedBucketGivesAFailedRowPerUploadWithS3sCode() {
        start("x.bin");
        MultipartUpload upload = uploads.listAll("media", "", new CancellationToken()).get(0);
        uploads.abort("media", upload);
        s3.deleteBucket(b -> b.bucket("media"));

        List<AbortResult> results = new UploadAborter(uploads).abort("media", List.of(upload), r -> { },
                new CancellationToken());

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AbortOutcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("NoSuchBucket");
        });
    }

    @Test
    void afterACancelNothingMoreIsSentAndTheRestIsNotAttempted() {
        for (int i = 0; i < 6; i++) {
            start("u" + i);
        }
        List<MultipartUpload> all = uploads.listAll("media", "", new CancellationToken());
        CancellationToken cancel = new CancellationToken();

        List<AbortResult> results = new UploadAborter(uploads, 1).abort("media", all, r -> cancel.cancel(), cancel);

        assertThat(results).extracting(AbortResult::outcome)
                .containsExactly(AbortOutcome.ABORTED, AbortOutcome.NOT_ATTEMPTED, AbortOutcome.NOT_ATTEMPTED,
                        AbortOutcome.NOT_ATTEMPTED, AbortOutcome.NOT_ATTEMPTED, AbortOutcome.NOT_ATTEMPTED);
        assertThat(uploads.listAll("media", "", new CancellationToken())).hasSize(5);
    }

    private void start(String key) {
        new TestBuckets(s3).startUpload("media", key, 3);
    }
}
