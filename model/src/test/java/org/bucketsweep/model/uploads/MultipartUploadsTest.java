package org.bucketsweep.model.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Incomplete multipart uploads, listed page by page with their parts' sizes, and aborted, on a real server. */
class MultipartUploadsTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private S3Client s3;

    @BeforeEach
    void connect() {
        connection = server.connection();
        s3 = connection.client();
        new TestBuckets(s3).versionedBucket("media");
    }

    @Test
    void listsEveryUploadOnceOverPagesWithItsPartsBytes() {
        String video = start("media", "videos/raw.mp4", 3_000, 2_000);
        String odd = start("media", "videos/ü &<> é.mov", 10);
        String empty = start("media", "videos/empty.bin");
        String other = start("media", "other/notes.bin", 7);
        String second = start("media", "videos/raw.mp4", 5);

        List<List<MultipartUpload>> pages = new ArrayList<>();
        new MultipartUploads(connection, 2).list("media", "videos/", true, pages::add, new CancellationToken());

        List<MultipartUpload> all = pages.stream().flatMap(List::stream).toList();
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(all).extracting(MultipartUpload::uploadId)
                .containsExactlyInAnyOrder(video, odd, empty, second)
                .doesNotContain(other);
        assertThat(byId(all, video).parts()).isEqualTo(new UploadedParts(2, 5_000));
        assertThat(byId(all, odd).key()).isEqualTo("videos/ü &<> é.mov");
        assertThat(byId(all, odd).bytes()).isEqualTo(10);
        assertThat(byId(all, empty).parts()).isEqualTo(UploadedParts.NONE);
        assertThat(byId(all, second).bytes()).isEqualTo(5);
        assertThat(all).allSatisfy(u -> assertThat(u.initiated()).isNotNull());
    }

    @Test
    void withoutPartsTheListingAsksNoListParts() {
        start("media", "a.bin", 4);

        List<MultipartUpload> all = new ArrayList<>();
        new MultipartUploads(connection).list("media", "", false, all::addAll, new CancellationToken());

        assertThat(all).singleElement().satisfies(u -> assertThat(u.parts()).isNull());
    }

    @Test
    void abortedUploadsAreGoneFromTheServer() {
        MultipartUploads uploads = new MultipartUploads(connection);
        String keep = start("media", "keep.bin", 1);
        start("media", "stale.bin", 100);
        MultipartUpload stale = uploads.listAll("media", "stale", new CancellationToken()).get(0);

        uploads.abort("media", stale);

        assertThat(uploads.listAll("media", "", new CancellationToken()))
                .extracting(MultipartUpload::uploadId).containsExactly(keep);
        assertThat(uploads.partsOf("media", stale, new CancellationToken())).isEqualTo(UploadedParts.NONE);
    }

    private static MultipartUpload byId(List<MultipartUpload> uploads, String id) {
        return uploads.stream().filter(u -> u.uploadId().equals(id)).findFirst().orElseThrow();
    }

    /** Starts an upload and uploads parts of these sizes, never completing it. */
    private String start(String bucket, String key, int... partSizes) {
        return new TestBuckets(s3).startUpload(bucket, key, partSizes);
    }
}
