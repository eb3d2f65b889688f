package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine seen at the wire and under faults, through a proxy in front of a real server: Content-MD5, MFA headers,
 * whole-request failures, retries, fallbacks, cancel; nothing lost, every item accounted for.
 */
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

    @Test
    void everyDeleteObjectsCarriesACorrectContentMd5() throws Exception {
        buckets.plainBucket("md5");
        List<VersionRef> items = new ArrayList<>();
        IntStream.range(0, 1500).forEach(i -> items.add(VersionRef.current("odd &<> é a//b " + i)));

        runJob(DeleteJob.of("md5", items, false));

        List<RecordedRequest> deletes = deleteRequests();
        assertThat(deletes).hasSize(2);
        for (RecordedRequest request : deletes) {
            String expected = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("MD5").digest(request.body()));
            assertThat(request.header("Content-MD5")).contains(expected);
        }
        assertThat(streamed).extracting(ItemResult::outcome).containsOnly(DeleteOutcome.DELETED).hasSize(1500);
    }

    @Test
    void aWholeRequestFailureFailsEveryKeyOfThatRequestAndTheNextRequestStillRuns() {
        buckets.plainBucket("whole");
        List<VersionRef> items = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> {
            String key = String.format("k%02d", i);
            buckets.put("whole", key, "x");
            items.add(VersionRef.current(key));
        });
        int[] seen = {0};
        proxy.setPolicy(request -> request.hasQueryParameter("delete") && ++seen[0] == 2
                ? Fault.status(403, "AccessDenied", "Access Denied")
                : Fault.pass());

        DeleteSummary summary = runJob(new DeleteJob("whole", items, false, DeleteOptions.DEFAULTS.withBatchSize(10).withConcurrency(1)));

        assertThat(summary.requestsSent()).isEqualTo(3);
        assertThat(streamed.subList(10, 20)).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(DeleteOutcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("AccessDenied");
            assertThat(r.errorMessage()).isEqualTo("Access Denied");
        });
        assertThat(summary.count(DeleteOutcome.DELETED)).isEqualTo(20);
        // Only the refused request's keys are still on the server.
        assertThat(buckets.currentKeys("whole")).containsExactlyElementsOf(
                items.subList(10, 20).stream().map(VersionRef::key).toList());
    }

    @Test
    void anMfaDeleteBucketGetsTheSerialAndCodeOnEachRequestThatNamesAVersion() {
        buckets.versionedBucket("mfa-del");
        String v1 = buckets.put("mfa-del", "a.txt", "one");
        buckets.put("mfa-del", "a.txt", "two");
        List<MfaRequest> asked = new ArrayList<>();
        List<VersionRef> items = List.of(new VersionRef("a.txt", v1), VersionRef.current("b.txt"));

        runJob(new DeleteJob("mfa-del", items, true, DeleteOptions.DEFAULTS.withBatchSize(1)), request -> {
            asked.add(request);
            return "arn:aws:iam::123456789012:mfa/person 12345" + asked.size();
        });

        // Only the request that names a version needs a code; adding the marker for b.txt does not ask.
        assertThat(asked).containsExactly(new MfaRequest("mfa-del", 1, 1, null));
        List<RecordedRequest> deletes = deleteRequests();
        assertThat(deletes).hasSize(2);
        RecordedRequest withVersion = deletes.stream()
                .filter(r -> r.bodyAsString().contains("<VersionId>" + v1 + "</VersionId>")).findFirst().orElseThrow();
        assertThat(withVersion.header("x-amz-mfa")).contains("arn:aws:iam::123456789012:mfa/person 123451");
        assertThat(deletes).filteredOn(r -> r != withVersion).singleElement()
                .satisfies(r -> assertThat(r.header("x-amz-mfa")).isEmpty());
    }

    @Test
    void aRefusedMfaCodeIsAskedForOnceMoreThenTheRequestFailsWithAClearMessage() {
        buckets.versionedBucket("mfa-refused");
        String v1 = buckets.put("mfa-refused", "a.txt", "one");
        // Ceph refuses a bad code with HTTP 403 and an empty body.
        proxy.setPolicy(request -> request.hasQueryParameter("delete") ? Fault.emptyStatus(403) : Fault.pass());
        List<MfaRequest> asked = new ArrayList<>();

        runJob(DeleteJob.of("mfa-refused", List.of(new VersionRef("a.txt", v1)), true), request -> {
            asked.add(request);
            return "SERIAL 00000" + asked.size();
        });

        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).refusal()).isNull();
        assertThat(asked.get(1).refusal()).contains("refused the last code");
        assertThat(deleteRequests()).extracting(r -> r.header("x-amz-mfa").orElseThrow())
                .containsExactly("SERIAL 000001", "SERIAL 000002");
        assertThat(streamed).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeleteOutcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("HTTP 403");
            assertThat(r.errorMessage()).contains("MFA code was wrong, expired or already used");
        });
        assertThat(buckets.versionsOf("mfa-refused", "a.txt")).containsExactly(v1);
    }

    @Test
    void aRepeatedMfaCodeIsNeverSentTwice() {
        buckets.versionedBucket("mfa-repeat");
        List<VersionRef> items = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            items.add(new VersionRef("k" + i, "v" + i));
        }
        List<String> codes = new ArrayList<>(List.of("S 111111", "S 111111", "S 222222"));
        List<MfaRequest> asked = new ArrayList<>();

        runJob(DeleteJob.of("mfa-repeat", items, true), request -> {
            asked.add(request);
            return codes.remove(0);
        });

        assertThat(deleteRequests()).extracting(r -> r.header("x-amz-mfa").orElseThrow())
                .containsExactly("S 111111", "S 222222");
        assertThat(asked).hasSize(3);
        assertThat(asked.get(1).refusal()).isNull();
        assertThat(asked.get(2).refusal()).contains("already used");
        assertThat(asked.get(2).requestNumber()).isEqualTo(2);
        assertThat(asked.get(2).requestsNeedingMfa()).isEqualTo(2);
    }

    private DeleteSummary runJob(DeleteJob job) {
        return runJob(job, MfaCodeSupplier.NONE);
    }

    private DeleteSummary runJob(DeleteJob job, MfaCodeSupplier mfa) {
        return deleter.run(job, mfa, streamed::addAll, new CancellationToken());
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
