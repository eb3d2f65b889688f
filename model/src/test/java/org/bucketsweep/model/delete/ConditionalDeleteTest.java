package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Delete only what was previewed": current objects are deleted with the ETag the listing showed, against S3Proxy
 * (which checks DeleteObjects' {@code <ETag>} as AWS does), and through a proxy that plays a server rejecting it.
 */
class ConditionalDeleteTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private ProxiedConnection s3;
    private TestBuckets buckets;
    private BatchDeleter deleter;
    private final List<ItemResult> streamed = new CopyOnWriteArrayList<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        s3 = ProxiedConnection.to(server.getUri());
        buckets = s3.buckets();
        deleter = new BatchDeleter(s3.connection());
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void anObjectOverwrittenAfterThePreviewStaysOnAnUnversionedBucket() {
        buckets.plainBucket("plain");
        buckets.put("plain", "a.txt", "a");
        buckets.put("plain", "b.txt", "b");
        buckets.put("plain", "c.txt", "c");
        List<VersionRef> previewed = previewCurrent("plain");
        buckets.put("plain", "b.txt", "b, written after the preview");

        DeleteSummary summary = run("plain", previewed, DeleteOptions.DEFAULTS, ConditionalDeleteFallback.DECLINE);

        assertThat(streamed).extracting(ItemResult::key, ItemResult::outcome, ItemResult::errorCode)
                .containsExactlyInAnyOrder(
                        tuple("a.txt", DeleteOutcome.DELETED, null),
                        tuple("b.txt", DeleteOutcome.FAILED, "PreconditionFailed"),
                        tuple("c.txt", DeleteOutcome.DELETED, null));
        assertThat(result("b.txt").errorMessage()).contains("Changed since the preview").contains("not deleted");
        assertThat(summary.count(DeleteOutcome.FAILED)).isEqualTo(1);
        assertThat(buckets.currentKeys("plain")).containsExactly("b.txt");
        assertThat(body("plain", "b.txt")).isEqualTo("b, written after the preview");
        assertThat(questions).isEmpty();
    }

    @Test
    void onAVersionedBucketTheOverwrittenKeyGetsNoMarker() {
        buckets.versionedBucket("vers");
        buckets.put("vers", "a.txt", "a");
        buckets.put("vers", "b.txt", "b");
        List<VersionRef> previewed = previewCurrent("vers");
        String newer = buckets.put("vers", "b.txt", "b two");

        run("vers", previewed, DeleteOptions.DEFAULTS, ConditionalDeleteFallback.DECLINE);

        assertThat(streamed).extracting(ItemResult::key, ItemResult::outcome)
                .containsExactlyInAnyOrder(tuple("a.txt", DeleteOutcome.DELETE_MARKER_CREATED),
                        tuple("b.txt", DeleteOutcome.FAILED));
        assertThat(buckets.currentKeys("vers")).containsExactly("b.txt");
        assertThat(buckets.markersOf("vers", "b.txt")).isEmpty();
        assertThat(buckets.versionsOf("vers", "b.txt").get(0)).isEqualTo(newer);
        assertThat(buckets.markersOf("vers", "a.txt")).hasSize(1);
    }

    @Test
    void theETagGoesOnlyWithItemsWithoutAVersion() {
        buckets.versionedBucket("vers");
        String old = buckets.put("vers", "a.txt", "a one");
        buckets.put("vers", "a.txt", "a two");
        List<VersionRef> items = new ArrayList<>(previewCurrent("vers"));
        items.add(new VersionRef("a.txt", old));
        String eTag = items.get(0).eTag();
        assertThat(eTag).isNotBlank();

        run("vers", items, DeleteOptions.DEFAULTS, ConditionalDeleteFallback.DECLINE);

        List<String> bodies = s3.deleteObjectsRequests().stream().map(RecordedRequest::bodyAsString).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies).filteredOn(b -> b.contains("<VersionId>")).singleElement()
                .satisfies(b -> assertThat(b).doesNotContain("<ETag>"));
        assertThat(bodies).filteredOn(b -> !b.contains("<VersionId>")).singleElement()
                .satisfies(b -> assertThat(b).contains("<ETag>" + xml(eTag) + "</ETag>"));
        assertThat(streamed).extracting(ItemResult::outcome)
                .containsExactlyInAnyOrder(DeleteOutcome.DELETED, DeleteOutcome.DELETE_MARKER_CREATED);
    }

    @Test
    void neverSendsNoETagAndDeletesWhateverIsThere() {
        buckets.plainBucket("plain");
        buckets.put("plain", "a.txt", "a");
        List<VersionRef> previewed = previewCurrent("plain");
        buckets.put("plain", "a.txt", "a, overwritten");

        run("plain", previewed, DeleteOptions.DEFAULTS.withIfUnchanged(IfUnchanged.NEVER),
                ConditionalDeleteFallback.DECLINE);

        assertThat(s3.deleteObjectsRequests()).singleElement()
                .satisfies(r -> assertThat(r.bodyAsString()).doesNotContain("<ETag>"));
        assertThat(streamed).extracting(ItemResult::outcome).containsExactly(DeleteOutcome.DELETED);
        assertThat(buckets.currentKeys("plain")).isEmpty();
    }

    @Test
    void aServerRejectingTheETagsIsAskedAboutOnceAndDeclinedDeletesNothing() {
        List<VersionRef> previewed = seedAndRejectETags(6);

        DeleteSummary summary = run("plain", previewed, options(), answer -> {
            questions.add(answer);
            return false;
        });

        assertThat(questions).singleElement().asString().contains("MalformedXML");
        assertThat(streamed).hasSize(6).noneMatch(r -> r.outcome().succeeded());
        assertThat(streamed).filteredOn(r -> r.outcome() == DeleteOutcome.FAILED)
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.errorCode()).isEqualTo("ConditionalDeleteUnsupported");
                    assertThat(r.errorMessage()).contains("does not support conditional delete");
                });
        assertThat(summary.count(DeleteOutcome.FAILED) + summary.count(DeleteOutcome.NOT_ATTEMPTED)).isEqualTo(6);
        assertThat(buckets.currentKeys("plain")).hasSize(6);
    }

    @Test
    void aServerRejectingTheETagsIsAskedAboutOnceAndAcceptedDeletesTheRestWithoutThem() {
        List<VersionRef> previewed = seedAndRejectETags(6);

        run("plain", previewed, options(), answer -> {
            questions.add(answer);
            return true;
        });

        assertThat(questions).hasSize(1);
        assertThat(streamed).hasSize(6).allMatch(r -> r.outcome() == DeleteOutcome.DELETED);
        assertThat(buckets.currentKeys("plain")).isEmpty();
        // Once agreed, requests go without ETags from the start instead of being rejected first.
        List<RecordedRequest> requests = s3.deleteObjectsRequests();
        assertThat(requests.get(requests.size() - 1).bodyAsString()).doesNotContain("<ETag>");
    }

    @Test
    void aServerWithoutMultiObjectDeleteGetsOneDeleteObjectPerKeyWithoutAQuestion() {
        buckets.plainBucket("plain");
        for (int i = 0; i < 3; i++) {
            buckets.put("plain", "k" + i + ".txt", "body " + i);
        }
        List<VersionRef> previewed = previewCurrent("plain");
        s3.proxy().setPolicy(r -> r.hasQueryParameter("delete")
                ? Fault.status(501, "NotImplemented", "A header you provided implies functionality that is not"
                        + " implemented.")
                : Fault.pass());

        run("plain", previewed, options(), answer -> {
            questions.add(answer);
            return false;
        });

        assertThat(questions).as("no multi-object delete is not a rejection of the ETags").isEmpty();
        assertThat(streamed).hasSize(3).allMatch(r -> r.outcome() == DeleteOutcome.DELETED);
        assertThat(buckets.currentKeys("plain")).isEmpty();
    }

    @Test
    void alwaysNeverFallsBackAndNeverAsks() {
        List<VersionRef> previewed = seedAndRejectETags(4);

        run("plain", previewed, options().withIfUnchanged(IfUnchanged.ALWAYS), answer -> {
            questions.add(answer);
            return true;
        });

        assertThat(questions).isEmpty();
        assertThat(streamed).hasSize(4).noneMatch(r -> r.outcome().succeeded());
        assertThat(buckets.currentKeys("plain")).hasSize(4);
        assertThat(s3.deleteObjectsRequests()).allSatisfy(r -> assertThat(r.bodyAsString()).contains("<ETag>"));
    }

    /** Keys whose ETags a proxy in front of S3Proxy rejects as a server without conditional deletes might. */
    private List<VersionRef> seedAndRejectETags(int n) {
        buckets.plainBucket("plain");
        for (int i = 0; i < n; i++) {
            buckets.put("plain", "k" + i + ".txt", "body " + i);
        }
        List<VersionRef> previewed = previewCurrent("plain");
        AtomicInteger rejected = new AtomicInteger();
        s3.proxy().setPolicy(r -> r.hasQueryParameter("delete") && r.bodyAsString().contains("<ETag>")
                && rejected.incrementAndGet() < 100
                ? Fault.status(400, "MalformedXML", "The XML you provided was not well-formed or did not validate"
                        + " against our published schema.")
                : Fault.pass());
        return previewed;
    }

    private static DeleteOptions options() {
        return DeleteOptions.DEFAULTS.withBatchSize(2).withConcurrency(1);
    }

    /** What the window or CLI would delete: the listed current objects, each with the ETag the listing gave. */
    private List<VersionRef> previewCurrent(String bucket) {
        List<VersionRef> refs = new ArrayList<>();
        new BucketBrowser(s3.connection()).listAllCurrent(bucket, "", page -> page.entries().forEach(e -> {
            if (e instanceof ObjectVersion v) {
                refs.add(v.ref());
            }
        }), new CancellationToken());
        assertThat(refs).allSatisfy(r -> assertThat(r.eTag()).isNotBlank());
        return refs;
    }

    private DeleteSummary run(String bucket, List<VersionRef> items, DeleteOptions options,
                              ConditionalDeleteFallback fallback) {
        return deleter.run(new DeleteJob(bucket, items, false, options), MfaCodeSupplier.NONE, fallback,
                streamed::addAll, new CancellationToken());
    }

    private ItemResult result(String key) {
        return streamed.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private String body(String bucket, String key) {
        return s3.connection().client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;");
    }
}
