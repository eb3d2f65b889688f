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
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client that writes the demo's sample data, with an HTTP client of its own; closed once. */
final class DemoSeedClient {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeedClient.class);

    final S3Client s3;
    private final SdkHttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();

    DemoSeedClient(URI endpoint, String region, String accessKeyId, String secretAccessKey, int connections) {
        http = Apache5HttpClient.builder()
                .maxConnections(connections)
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

    /** Aborts a request still in flight. Idempotent. */
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
