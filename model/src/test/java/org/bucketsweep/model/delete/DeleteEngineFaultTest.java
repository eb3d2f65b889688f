package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.testing.FaultProxy;
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

/** The engine under faults injected between it and a real server: nothing lost, every item accounted for. */
class DeleteEngineFaultTest {

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40));

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private ProxiedConnection s3;
    private FaultProxy proxy;
    private TestBuckets buckets;
    private BatchDeleter deleter;
    private final List<ItemResult> streamed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        s3 = ProxiedConnection.to(server.getUri());
        proxy = s3.proxy();
        buckets = s3.buckets();
        deleter = new BatchDeleter(s3.connection());
        buckets.plainBucket("faults");
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void slowDownAndResetsAreRetriedAndCounted() {
        List<VersionRef> items = seed(30);
        AtomicInteger deletes = new AtomicInteger();
        proxy.setPolicy(r -> {
            if (!r.hasQueryParameter("delete")) {
                return Fault.pass();
            }
            return switch (deletes.incrementAndGet()) {
                case 1 -> Fault.status(503, "SlowDown", "Please reduce your request rate.");
                case 2 -> Fault.reset();
                case 3 -> Fault.status(500, "InternalError", "We encountered an internal error.");
                default -> Fault.pass();
            };
        });

        DeleteSummary summary = run(items, options().withBatchSize(30).withConcurrency(1));

        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(30);
        assertThat(streamed).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(4));
        assertThat(buckets.currentKeys("faults")).isEmpty();
    }

    @Test
    void aServerThatStaysBusyFailsTheKeysWithTheLastErrorAfterTheBound() {
        List<VersionRef> items = seed(5);
        proxy.setPolicy(r -> r.hasQueryParameter("delete")
                ? Fault.status(503, "SlowDown", "Please reduce your request rate.") : Fault.pass());

        DeleteSummary summary = run(items, options());

        assertThat(summary.count(DeleteOutcome.FAILED)).isEqualTo(5);
        assertThat(streamed).allSatisfy(r -> {
            assertThat(r.errorCode()).isEqualTo("SlowDown");
            assertThat(r.attempts()).isEqualTo(FAST.maxAttempts());
        });
        assertThat(deleteRequests()).hasSize(FAST.maxAttempts());
        assertThat(buckets.currentKeys("faults")).hasSize(5);
    }

    @Test
    void aServerWithoutMultiObjectDeleteGetsOneDeletePerKey() {
        List<VersionRef> items = seed(6);
        proxy.setPolicy(r -> r.hasQueryParameter("delete")
                ? Fault.status(501, "NotImplemented", "A header you provided implies functionality that is not"
                + " implemented") : Fault.pass());

        DeleteSummary summary = run(items, options());

        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(6);
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("DELETE")).hasSize(6);
        assertThat(buckets.currentKeys("faults")).isEmpty();
    }

    @Test
    void aRequestTheServerFindsTooLargeIsSplitInHalves() {
        List<VersionRef> items = seed(40);
        // Pretend the server takes at most 10 keys per request.
        proxy.setPolicy(r -> r.hasQueryParameter("delete") && r.bodyAsString().split("<Object>").length - 1 > 10
                ? Fault.status(400, "MalformedXML", "The XML you provided was not well-formed") : Fault.pass());

        DeleteSummary summary = run(items, options().withBatchSize(40).withConcurrency(1));

        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(40);
        assertThat(streamed).extracting(ItemResult::item).containsExactlyInAnyOrderElementsOf(items);
        assertThat(deleteRequests()).filteredOn(r -> r.responseStatus() == 200)
                .extracting(r -> r.bodyAsString().split("<Object>").length - 1).containsOnly(10);
        assertThat(buckets.currentKeys("faults")).isEmpty();
    }

    @Test
    void cancellingMidJobLetsRequestsInFlightFinishAndLeavesTheRestNotAttempted() {
        List<VersionRef> items = seed(200);
        CancellationToken cancel = new CancellationToken();
        proxy.setPolicy(r -> r.hasQueryParameter("delete") ? Fault.delay(Duration.ofMillis(100)) : Fault.pass());

        DeleteSummary summary = deleter.run(job(items, options().withBatchSize(10).withConcurrency(3)),
                MfaCodeSupplier.NONE, results -> {
                    streamed.addAll(results);
                    cancel.cancel();
                }, cancel);

        int deleted = summary.count(DeleteOutcome.DELETED);
        assertThat(deleted).isBetween(10, 30);
        assertThat(summary.count(DeleteOutcome.NOT_ATTEMPTED)).isEqualTo(200 - deleted);
        assertThat(streamed).hasSize(200);
        assertThat(buckets.currentKeys("faults")).hasSize(200 - deleted);
        assertThat(deleteRequests()).hasSize(deleted / 10);
    }

    @Test
    void quietModeReportsUnmentionedKeysAsInferredDeletions() {
        List<VersionRef> items = seed(3);

        run(items, options().withQuiet(true));

        assertThat(deleteRequests()).singleElement()
                .satisfies(r -> assertThat(r.bodyAsString()).contains("<Quiet>true</Quiet>"));
        assertThat(streamed).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(DeleteOutcome.DELETED);
            assertThat(r.errorMessage()).contains("inferred");
        });
        assertThat(buckets.currentKeys("faults")).isEmpty();
    }

    @Test
    void jobOptionsBecomeHeaders() {
        List<VersionRef> items = seed(2);

        run(items, options().withBypassGovernanceRetention(true).withExpectedBucketOwner("123456789012")
                .withRequestPayer(true));

        assertThat(deleteRequests()).singleElement().satisfies(r -> {
            assertThat(r.header("x-amz-bypass-governance-retention")).contains("true");
            assertThat(r.header("x-amz-expected-bucket-owner")).contains("123456789012");
            assertThat(r.header("x-amz-request-payer")).contains("requester");
        });
    }

    @Test
    void concurrentRequestsAccountForEveryKeyExactlyOnce() {
        List<VersionRef> items = new ArrayList<>();
        IntStream.range(0, 5000).forEach(i -> items.add(VersionRef.current("missing/" + i)));

        DeleteSummary summary = run(items, options().withBatchSize(250).withConcurrency(6));

        assertThat(summary.total()).isEqualTo(5000);
        assertThat(streamed).extracting(ItemResult::item).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(items);
        assertThat(deleteRequests()).hasSize(20).allSatisfy(r -> assertThat(r.header("Content-MD5")).isPresent());
    }

    private List<VersionRef> seed(int n) {
        List<VersionRef> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = String.format("f/%04d", i);
            buckets.put("faults", key, "x");
            items.add(VersionRef.current(key));
        }
        return items;
    }

    private static DeleteOptions options() {
        return DeleteOptions.DEFAULTS.withRetry(FAST);
    }

    private static DeleteJob job(List<VersionRef> items, DeleteOptions options) {
        return new DeleteJob("faults", items, false, options);
    }

    private DeleteSummary run(List<VersionRef> items, DeleteOptions options) {
        return deleter.run(job(items, options), MfaCodeSupplier.NONE, streamed::addAll, new CancellationToken());
    }

    private List<RecordedRequest> deleteRequests() {
        return s3.deleteObjectsRequests();
    }
}
