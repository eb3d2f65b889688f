package org.bucketsweep.model.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

/** What goes over the wire, seen at a proxy in front of S3Proxy, and what happens when a request fails whole. */
class BatchDeleterFaultTest {

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
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void everyDeleteObjectsCarriesACorrectContentMd5() throws Exception {
        buckets.plainBucket("md5");
        List<VersionRef> items = new ArrayList<>();
        IntStream.range(0, 1500).forEach(i -> items.add(VersionRef.current("odd &<> é a//b " + i)));

        run(DeleteJob.of("md5", items, false));

        List<RecordedRequest> deletes = deleteObjectsRequests();
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

        DeleteSummary summary = run(new DeleteJob("whole", items, false, DeleteOptions.DEFAULTS.withBatchSize(10).withConcurrency(1)));

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

        run(new DeleteJob("mfa-del", items, true, DeleteOptions.DEFAULTS.withBatchSize(1)), request -> {
            asked.add(request);
            return "arn:aws:iam::123456789012:mfa/person 12345" + asked.size();
        });

        // Only the request that names a version needs a code; adding the marker for b.txt does not ask.
        assertThat(asked).containsExactly(new MfaRequest("mfa-del", 1, 1, null));
        List<RecordedRequest> deletes = deleteObjectsRequests();
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

        run(DeleteJob.of("mfa-refused", List.of(new VersionRef("a.txt", v1)), true), request -> {
            asked.add(request);
            return "SERIAL 00000" + asked.size();
        });

        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).refusal()).isNull();
        assertThat(asked.get(1).refusal()).contains("refused the last code");
        assertThat(deleteObjectsRequests()).extracting(r -> r.header("x-amz-mfa").orElseThrow())
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

        run(DeleteJob.of("mfa-repeat", items, true), request -> {
            asked.add(request);
            return codes.remove(0);
        });

        assertThat(deleteObjectsRequests()).extracting(r -> r.header("x-amz-mfa").orElseThrow())
                .containsExactly("S 111111", "S 222222");
        assertThat(asked).hasSize(3);
        assertThat(asked.get(1).refusal()).isNull();
        assertThat(asked.get(2).refusal()).contains("already used");
        assertThat(asked.get(2).requestNumber()).isEqualTo(2);
        assertThat(asked.get(2).requestsNeedingMfa()).isEqualTo(2);
    }

    private DeleteSummary run(DeleteJob job) {
        return run(job, MfaCodeSupplier.NONE);
    }

    private DeleteSummary run(DeleteJob job, MfaCodeSupplier mfa) {
        return deleter.run(job, mfa, streamed::addAll, new CancellationToken());
    }

    private List<RecordedRequest> deleteObjectsRequests() {
        return s3.deleteObjectsRequests();
    }

}
