package org.bucketsweep.app.demo;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client that writes the demo's sample data, with an HTTP client of its own; closed once.
 *
 * <p>The HTTP client is the JDK's {@code HttpURLConnection}: it keeps up to five idle connections per server (enough
 * for the {@value ManyBucketSeeding#PREFIXES} seeding threads) and closes them the normal way. The app's HttpClient 5
 * client closes with a reset, and local-s3 prints a stack trace on stderr for every reset connection: three of them
 * in the middle of a demo session, when the background seeding ended. The app's own connections reach the server
 * through the {@link LifecycleFront}, which takes their resets.
 */
final class DemoSeedClient {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeedClient.class);

    final S3Client s3;
    private final SdkHttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();

    DemoSeedClient(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        try {
            s3 = S3Client.builder()
                    .httpClient(http)
                    .endpointOverride(endpoint)
                    .region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                    .forcePathStyle(true)
                    // No flexible checksums (aws-chunked trailers) towards the local server.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .build();
        } catch (RuntimeException | Error e) {
            http.close();
            throw e;
        }
    }

    /** Idempotent. A request still in flight runs to its end (a loopback put takes milliseconds). */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            s3.close();
            http.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the demo seeding client failed", e);
        }
    }
}
