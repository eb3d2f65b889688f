package org.bucketsweep.model.connection;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * One open connection to an S3 service: owns the HTTP connection pool and the {@link S3Client} built on it.
 *
 * <p>DeleteObjects must carry Content-MD5. Since SDK 2.30 the client sends only a CRC32 checksum unless told
 * otherwise, which MinIO, IBM COS and S3Proxy reject; {@link LegacyMd5Plugin} together with checksum calculation
 * {@code WHEN_REQUIRED} restores the MD5 header and sends no extra checksum.
 */
public final class S3Connection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Connection.class);

    /** Enough sockets for concurrent delete batches plus a listing. */
    private static final int MAX_CONNECTIONS = 64;

    private final ConnectionSettings settings;
    private final SdkHttpClient httpClient;
    private final S3Client client;
    private final S3Client clientWithoutRetries;

    private S3Connection(ConnectionSettings settings, SdkHttpClient httpClient, S3Client client,
                         S3Client clientWithoutRetries) {
        this.settings = settings;
        this.httpClient = httpClient;
        this.client = client;
        this.clientWithoutRetries = clientWithoutRetries;
    }

    /** Builds the client; no request is sent until the first call. */
    public static S3Connection open(ConnectionSettings settings) {
        ApacheHttpClient.Builder httpBuilder = ApacheHttpClient.builder()
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60));
        if (settings.noConnectionReuse()) {
            // A pooled connection older than its time to live is closed instead of reused.
            httpBuilder.connectionTimeToLive(Duration.ofMillis(1));
        }
        SdkHttpClient http = httpBuilder.build();
        AwsCredentialsProvider credentials = credentialsProvider(settings.credentials());
        String region = resolveRegion(settings);
        LOG.info("Opening connection '{}' to {}", settings.name(), settings.describeEndpoint());
        return new S3Connection(settings, http,
                builder(settings, http, credentials, region).build(),
                builder(settings, http, credentials, region)
                        .overrideConfiguration(o -> o
                                .retryStrategy(AwsRetryStrategy.doNotRetry())
                                // A DeleteObjects of 1000 keys takes seconds; a server that has not answered in
                                // 30 s gets the request again (a timeout is retried like a reset).
                                .apiCallAttemptTimeout(Duration.ofSeconds(30))
                                .apiCallTimeout(Duration.ofSeconds(30)))
                        .build());
    }

    private static S3ClientBuilder builder(ConnectionSettings settings, SdkHttpClient http,
                                           AwsCredentialsProvider credentials, String region) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(90))
                        .apiCallTimeout(Duration.ofMinutes(5)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The client, for the model's services. */
    public S3Client client() {
        return client;
    }

    /**
     * The same client without the SDK's retries, for the delete engine: it retries by itself, so that it can count
     * attempts, ask for a fresh MFA code before each one, and stop when the job is cancelled.
     */
    public S3Client clientWithoutRetries() {
        return clientWithoutRetries;
    }

    @Override
    public void close() {
        clientWithoutRetries.close();
        client.close();
        httpClient.close();
    }

    static String resolveRegion(ConnectionSettings settings) {
        if (settings.region() != null) {
            return settings.region();
        }
        if (settings.credentials() instanceof CredentialsSource.Profile profile) {
            Optional<String> fromProfile = ProfileFile.defaultProfileFile()
                    .profile(profile.name())
                    .flatMap(p -> p.property(ProfileProperty.REGION));
            if (fromProfile.isPresent()) {
                return fromProfile.get();
            }
        }
        return ConnectionSettings.DEFAULT_REGION;
    }

    private static AwsCredentialsProvider credentialsProvider(CredentialsSource source) {
        if (source instanceof CredentialsSource.StaticKeys keys) {
            return StaticCredentialsProvider.create(keys.sessionToken() == null
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        }
        if (source instanceof CredentialsSource.Profile profile) {
            return ProfileCredentialsProvider.builder().profileName(profile.name()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
