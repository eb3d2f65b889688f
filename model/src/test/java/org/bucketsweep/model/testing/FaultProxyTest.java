package org.bucketsweep.model.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class FaultProxyTest {

    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    private static final String BUCKET = "sweep-me";
    private static final Predicate<RecordedRequest> PUT_OBJECT =
            request -> request.method().equals("PUT") && request.path().startsWith("/" + BUCKET + "/");

    private FaultProxy proxy;
    private S3Client s3;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = FaultProxy.start(S3.getUri());
        s3 = client(builder -> { });
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterEach
    void stopProxy() {
        s3.close();
        proxy.close();
    }

    @Test
    void forwardsAndRecordsRequestsUnchanged() {
        s3.putObject(b -> b.bucket(BUCKET).key("a/b.txt"), RequestBody.fromString("hello, proxy"));
        List<S3Object> listed = s3.listObjectsV2(b -> b.bucket(BUCKET)).contents();
        String content = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("a/b.txt")).asUtf8String();
        long length = s3.headObject(b -> b.bucket(BUCKET).key("a/b.txt")).contentLength();
        s3.deleteObject(b -> b.bucket(BUCKET).key("a/b.txt"));

        assertThat(listed).extracting(S3Object::key).containsExactly("a/b.txt");
        assertThat(content).isEqualTo("hello, proxy");
        assertThat(length).isEqualTo(12);

        List<RecordedRequest> requests = proxy.requests();
        assertThat(requests).extracting(RecordedRequest::method)
                .containsExactly("PUT", "PUT", "GET", "GET", "HEAD", "DELETE");
        assertThat(requests).extracting(RecordedRequest::responseStatus).containsExactly(200, 200, 200, 200, 200, 204);
        assertThat(requests.get(0).target()).isEqualTo("/" + BUCKET);

        RecordedRequest put = requests.get(1);
        assertThat(put.path()).isEqualTo("/" + BUCKET + "/a/b.txt");
        // Host must reach S3Proxy unchanged (it is signed), so it names the proxy, not S3Proxy.
        assertThat(put.header("host")).contains("127.0.0.1:" + proxy.uri().getPort());
        assertThat(put.header("Authorization")).hasValueSatisfying(value -> assertThat(value).startsWith("AWS4-HMAC-SHA256"));
        // The SDK may frame the payload as aws-chunked, so look for the content rather than equality.
        assertThat(new String(put.body(), StandardCharsets.UTF_8)).contains("hello, proxy");

        RecordedRequest list = requests.get(2);
        assertThat(list.hasQueryParameter("list-type")).isTrue();
        assertThat(list.body()).isEmpty();

        proxy.clear();
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void relaysChunkedRequestBodies() throws Exception {
        // java.net.http sends a body of unknown length chunked; the SDK never does, so this covers that path.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpRequest unsigned = HttpRequest.newBuilder(proxy.uri().resolve("/" + BUCKET + "/anonymous"))
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream("chunked payload".getBytes(StandardCharsets.UTF_8))))
                    .build();
            HttpResponse<String> response = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("<Error>"); // S3Proxy refuses the unsigned request
            statuses.add(response.statusCode());
        }

        assertThat(proxy.requests()).hasSize(3).last().satisfies(put -> {
            assertThat(put.header("Transfer-Encoding")).contains("chunked");
            assertThat(put.bodyAsString()).isEqualTo("chunked payload");
        });
        assertThat(proxy.requests().subList(1, 3)).extracting(RecordedRequest::responseStatus)
                .containsExactlyElementsOf(statuses)
                .allSatisfy(status -> assertThat(status).isEqualTo(403));
    }

    @Test
    void answersBadGatewayWhenTheUpstreamIsDown() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = socket.getLocalPort();
        }
        try (FaultProxy orphan = FaultProxy.start(URI.create("http://127.0.0.1:" + deadPort))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orphan.uri().resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("<Code>FaultProxyUpstreamError</Code>");
            assertThat(orphan.requests()).extracting(RecordedRequest::responseStatus).containsExactly(502);
        }
    }

    @Test
    void sdkRetriesThrottlingUntilTheFaultStops() {
        proxy.setPolicy(Fault.firstN(2, PUT_OBJECT, Fault.status(503, "SlowDown", "Please reduce your request rate.")));

        s3.putObject(b -> b.bucket(BUCKET).key("retried"), RequestBody.fromString("third time lucky"));

        assertThat(proxy.requests().stream().filter(PUT_OBJECT))
                .extracting(RecordedRequest::responseStatus)
                .containsExactly(503, 503, 200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("retried")).asUtf8String())
                .isEqualTo("third time lucky");
    }

    @Test
    void statusFaultBecomesS3ExceptionWithItsCode() {
        proxy.setPolicy(Fault.always(PUT_OBJECT, Fault.status(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("denied"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access Denied");
                });
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
    }

    @Test
    void resetBecomesSdkClientExceptionAndTheProxyKeepsServing() {
        try (S3Client noRetries = client(b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))) {
            proxy.setPolicy(Fault.firstN(1, PUT_OBJECT, Fault.reset()));

            assertThatThrownBy(() -> noRetries.putObject(b -> b.bucket(BUCKET).key("reset"), RequestBody.fromString("x")))
                    .isInstanceOf(SdkClientException.class);
            assertThat(proxy.requests().stream().filter(PUT_OBJECT))
                    .extracting(RecordedRequest::responseStatus)
                    .containsExactly(RecordedRequest.NO_RESPONSE);

            noRetries.putObject(b -> b.bucket(BUCKET).key("reset"), RequestBody.fromString("x"));
            assertThat(proxy.requests().stream().filter(PUT_OBJECT))
                    .extracting(RecordedRequest::responseStatus)
                    .containsExactly(RecordedRequest.NO_RESPONSE, 200);
        }
    }

    @Test
    void emptyStatusBecomesS3ExceptionWithThatStatus() {
        proxy.setPolicy(Fault.always(PUT_OBJECT, Fault.emptyStatus(403)));

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("mfa"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void delayPassesThroughAfterWaiting() {
        proxy.setPolicy(Fault.firstN(1, PUT_OBJECT, Fault.delay(Duration.ofMillis(300))));

        long start = System.nanoTime();
        s3.putObject(b -> b.bucket(BUCKET).key("late"), RequestBody.fromString("x"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(proxy.requests().stream().filter(PUT_OBJECT)).extracting(RecordedRequest::responseStatus)
                .containsExactly(200);
    }

    private S3Client client(java.util.function.Consumer<S3ClientBuilder> customizer) {
        S3ClientBuilder builder = S3Client.builder()
                .endpointOverride(proxy.uri())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3.getAccessKey(), S3.getSecretKey())))
                .httpClientBuilder(Apache5HttpClient.builder());
        customizer.accept(builder);
        return builder.build();
    }
}
