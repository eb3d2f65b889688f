package org.bucketsweep.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Plain SDK clients for the benches, on the HTTP client the app uses ({@code Apache5HttpClient}, as in
 * {@code S3Connection}), so that the SDK loop and the engine differ only in what they do with it.
 */
final class BenchClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final S3Client s3;

    private BenchClients(SdkHttpClient http, S3Client s3) {
        this.http = http;
        this.s3 = s3;
    }

    /**
     * A client built like S3Connection's: same HTTP client settings, the MD5 plugin, checksums only when required,
     * the same timeouts, and no SDK retries (the loop it serves retries nothing, so a failure shows).
     */
    static BenchClients ceiling(URI endpoint, String region, AwsCredentialsProvider credentials) {
        SdkHttpClient http = Apache5HttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(120))
                .build();
        S3Client s3 = S3Client.builder()
                .httpClient(http)
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(90))
                        .apiCallTimeout(Duration.ofMinutes(5)))
                .build();
        return new BenchClients(http, s3);
    }

    /** For seeding and checking buckets: defaults, path-style, checksums only when required. */
    static BenchClients admin(URI endpoint, String region, AwsCredentialsProvider credentials) {
        SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).build();
        S3Client s3 = S3Client.builder()
                .httpClient(http)
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        return new BenchClients(http, s3);
    }

    S3Client s3() {
        return s3;
    }

    @Override
    public void close() {
        s3.close();
        http.close();
    }
}
