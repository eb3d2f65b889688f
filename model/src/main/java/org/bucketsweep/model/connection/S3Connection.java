package org.bucketsweep.model.connection;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
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
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One open connection to an S3 service: owns the HTTP connection pool and the {@link S3Client}s built on it.
 *
 * <p>On AWS each bucket lives in one region, and a request signed for another region is refused (301 or
 * AuthorizationHeaderMalformed). So for AWS there is one pair of clients per region, created the first time a
 * bucket of that region is used, all sharing the one HTTP client. A custom endpoint (MinIO, Ceph, IBM COS, a local
 * server) is one place with one signing region: every bucket uses the same clients.
 *
 * <p>DeleteObjects must carry Content-MD5. Since SDK 2.30 the client sends only a CRC32 checksum unless told
 * otherwise, which MinIO, IBM COS and S3Proxy reject; {@link LegacyMd5Plugin} together with checksum calculation
 * {@code WHEN_REQUIRED} restores the MD5 header and sends no extra checksum.
 */
public final class S3Connection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Connection.class);

    /** Enough sockets for concurrent delete batches plus a listing. */
    private static final int MAX_CONNECTIONS = 64;
    /** The header S3 puts on HeadBucket answers, also on a 301 or 403. */
    private static final String BUCKET_REGION_HEADER = "x-amz-bucket-region";

    private final ConnectionSettings settings;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> credentialResources;
    /** Where the clients of a region send requests; {@code null} for a region lets the SDK choose (AWS). */
    private final Function<String, URI> endpointForRegion;
    private final boolean regionPerBucket;
    private final ConcurrentMap<String, RegionClients> clients = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> bucketRegions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The clients of one region: with the SDK's retries, and without them for the delete engine. */
    private record RegionClients(S3Client withRetries, S3Client withoutRetries) {
    }

    private S3Connection(ConnectionSettings settings, SdkHttpClient httpClient, AwsCredentialsProvider credentials,
                         List<AutoCloseable> credentialResources, Function<String, URI> endpointForRegion,
                         boolean regionPerBucket) {
        this.settings = settings;
        this.httpClient = httpClient;
        this.credentials = credentials;
        this.credentialResources = credentialResources;
        this.endpointForRegion = endpointForRegion;
        this.regionPerBucket = regionPerBucket;
    }

    /** Opens with this user's AWS profile files; a role that needs an MFA code cannot be used. */
    public static S3Connection open(ConnectionSettings settings) {
        return open(settings, AwsProfiles.forThisUser(), MfaCodePrompt.NONE);
    }

    /**
     * Builds the clients; no request is sent until the first call. For a profile connection the profile files are
     * read now (endpoint, region, credentials kind), so call this off the UI thread.
     *
     * @param profiles where profile connections find their profile
     * @param mfa      asks for a code when a role profile has {@code mfa_serial}
     */
    public static S3Connection open(ConnectionSettings settings, AwsProfiles profiles, MfaCodePrompt mfa) {
        ConnectionSettings effective = settings;
        ProfileFile files = null;
        Profile profile = null;
        if (settings.credentials() instanceof CredentialsSource.Profile p) {
            files = profiles.read();
            profile = files.profile(p.name()).orElse(null);
            effective = withProfileDefaults(settings, profile == null ? null : AwsProfiles.describe(files, profile));
        }
        URI endpoint = effective.endpoint();
        return open(effective, files, profile, mfa, region -> endpoint, endpoint == null);
    }

    /**
     * For tests: a connection that keeps one pair of clients per region like an AWS connection, each region's
     * clients sending to {@code endpointForRegion}.
     */
    static S3Connection openWithRegions(ConnectionSettings settings, Function<String, URI> endpointForRegion) {
        return open(settings, null, null, MfaCodePrompt.NONE, endpointForRegion, true);
    }

    private static S3Connection open(ConnectionSettings settings, ProfileFile files, Profile profile,
                                     MfaCodePrompt mfa, Function<String, URI> endpointForRegion,
                                     boolean regionPerBucket) {
        Apache5HttpClient.Builder httpBuilder = Apache5HttpClient.builder()
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(10))
                // Ceph RGW sends nothing until a 1000-key delete is done, which took 33-46 s at 16 in flight: the
                // socket may stay silent as long as a delete attempt may last.
                .socketTimeout(Duration.ofSeconds(120));
        if (settings.noConnectionReuse()) {
            // A pooled connection older than its time to live is closed instead of reused.
            httpBuilder.connectionTimeToLive(Duration.ofMillis(1));
        }
        SdkHttpClient http = httpBuilder.build();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            AwsCredentialsProvider credentials = credentialsProvider(settings, files, profile, mfa, http, resources);
            LOG.info("Opening connection '{}' to {}", settings.name(), settings.describeEndpoint());
            return new S3Connection(settings, http, credentials, resources, endpointForRegion, regionPerBucket);
        } catch (RuntimeException e) {
            resources.forEach(S3Connection::closeQuietly);
            http.close();
            throw e;
        }
    }

    /** The profile's endpoint, region and addressing style, where the settings leave them open. */
    private static ConnectionSettings withProfileDefaults(ConnectionSettings settings, AwsProfile profile) {
        String region = settings.region() != null ? settings.region()
                : profile != null && profile.region() != null ? profile.region() : ConnectionSettings.DEFAULT_REGION;
        URI endpoint = settings.endpoint() != null ? settings.endpoint() : profile == null ? null : profile.endpoint();
        boolean pathStyle = settings.endpoint() != null ? settings.pathStyle()
                : settings.pathStyle() || profile != null && profile.pathStyle();
        return new ConnectionSettings(settings.name(), endpoint, region, pathStyle, settings.credentials(),
                settings.noConnectionReuse());
    }

    private static AwsCredentialsProvider credentialsProvider(ConnectionSettings settings, ProfileFile files,
                                                              Profile profile, MfaCodePrompt mfa,
                                                              SdkHttpClient http, List<AutoCloseable> resources) {
        CredentialsSource source = settings.credentials();
        if (source instanceof CredentialsSource.StaticKeys keys) {
            return StaticCredentialsProvider.create(keys.sessionToken() == null
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        }
        if (source instanceof CredentialsSource.Profile named) {
            if (profile != null && AwsProfiles.kindOf(profile) == ProfileKind.ROLE_WITH_MFA) {
                return MfaRoleCredentials.create(files, profile, homeRegion(settings), mfa, http, resources);
            }
            ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                    .profileFile(files == null ? ProfileFile.defaultProfileFile() : files)
                    .profileName(named.name())
                    .build();
            resources.add(provider);
            return provider;
        }
        DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build();
        resources.add(provider);
        return provider;
    }

    /** The settings this connection uses: for a profile, with the profile's endpoint and region filled in. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** The client of the connection's own region, for calls that name no bucket (ListBuckets). */
    public S3Client client() {
        return clientsFor(homeRegion(settings)).withRetries();
    }

    /**
     * The client for calls on {@code bucket}: on AWS the one of the bucket's region (looked up once, see
     * {@link #regionOf}); on a custom endpoint the connection's only client. May send a request: not on the UI
     * thread.
     */
    public S3Client client(String bucket) {
        return clientsFor(regionOf(bucket)).withRetries();
    }

    /**
     * {@link #client(String)} without the SDK's retries, for the delete engine: it retries by itself, so that it
     * can count attempts, ask for a fresh MFA code before each one, and stop when the job is cancelled.
     */
    public S3Client clientWithoutRetries(String bucket) {
        return clientsFor(regionOf(bucket)).withoutRetries();
    }

    /**
     * The region {@code bucket} lives in. On a custom endpoint the connection's region. On AWS the region ListBuckets
     * reported, else the {@code x-amz-bucket-region} header of a HeadBucket (S3 sends it also with a 301 or 403),
     * else GetBucketLocation, else the connection's region; remembered for the life of the connection.
     */
    public String regionOf(String bucket) {
        if (!regionPerBucket) {
            return homeRegion(settings);
        }
        String known = bucketRegions.get(bucket);
        if (known != null) {
            return known;
        }
        String found = lookUpRegion(bucket);
        if (found == null) {
            // The network failed: try the connection's region now and ask again next time.
            return homeRegion(settings);
        }
        bucketRegions.put(bucket, found);
        return found;
    }

    /** Records a bucket's region that a listing reported, so that no lookup is needed. */
    public void rememberRegion(String bucket, String region) {
        if (regionPerBucket && region != null && !region.isBlank()) {
            bucketRegions.put(bucket, region);
        }
    }

    /** Whether buckets may live in different regions (AWS), so that ListBuckets may be paged and names regions. */
    public boolean regionPerBucket() {
        return regionPerBucket;
    }

    /** The bucket's region as S3 tells it, the connection's when S3 will not say, {@code null} when unreachable. */
    private String lookUpRegion(String bucket) {
        S3Client home = client();
        try {
            String region = home.headBucket(b -> b.bucket(bucket)).bucketRegion();
            if (region != null && !region.isBlank()) {
                return region;
            }
        } catch (SdkClientException e) {
            LOG.info("Region of bucket {} not known yet: {}", bucket, e.getMessage());
            return null;
        } catch (S3Exception e) {
            Optional<String> header = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
                    ? Optional.empty()
                    : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(BUCKET_REGION_HEADER);
            if (header.isPresent() && !header.get().isBlank()) {
                return header.get();
            }
            LOG.info("HeadBucket {} named no region ({}); asking GetBucketLocation", bucket, e.statusCode());
        }
        try {
            String constraint = home.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
            // S3 answers an empty constraint for us-east-1 and "EU" for the oldest Ireland buckets.
            if (constraint == null || constraint.isBlank()) {
                return "us-east-1";
            }
            return constraint.equals("EU") ? "eu-west-1" : constraint;
        } catch (SdkClientException e) {
            LOG.info("Region of bucket {} not known yet: {}", bucket, e.getMessage());
            return null;
        } catch (S3Exception e) {
            LOG.info("Region of bucket {} unknown ({}); using {}", bucket, e.getMessage(), homeRegion(settings));
            return homeRegion(settings);
        }
    }

    private RegionClients clientsFor(String region) {
        RegionClients existing = clients.get(region);
        if (existing != null) {
            return existing;
        }
        synchronized (clients) {
            if (closed) {
                throw new IllegalStateException("The connection '" + settings.name() + "' is closed.");
            }
            return clients.computeIfAbsent(region, this::buildClients);
        }
    }

    private RegionClients buildClients(String region) {
        LOG.debug("Clients for region {} of connection '{}'", region, settings.name());
        URI endpoint = endpointForRegion.apply(region);
        return new RegionClients(
                builder(region, endpoint).build(),
                builder(region, endpoint)
                        .overrideConfiguration(o -> o
                                .retryStrategy(AwsRetryStrategy.doNotRetry())
                                // A DeleteObjects of 1000 versions took 33-46 s on Ceph RGW with 10-16 in flight
                                // (docs/benchmarks.md): at 30 s every one of them was sent twice, doubling the
                                // server's work just when it was slow. A server that has not answered in 120 s gets
                                // the request again (a timeout is retried like a reset, and halves the adaptive
                                // number of requests in flight).
                                .apiCallAttemptTimeout(Duration.ofSeconds(120))
                                .apiCallTimeout(Duration.ofSeconds(120)))
                        .build());
    }

    private S3ClientBuilder builder(String region, URI endpoint) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(httpClient)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(90))
                        .apiCallTimeout(Duration.ofMinutes(5)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /** Closes every region's clients, the credential providers and the HTTP client they share. */
    @Override
    public void close() {
        synchronized (clients) {
            closed = true;
        }
        clients.values().forEach(c -> {
            c.withoutRetries().close();
            c.withRetries().close();
        });
        clients.clear();
        credentialResources.forEach(S3Connection::closeQuietly);
        httpClient.close();
    }

    private static String homeRegion(ConnectionSettings settings) {
        return settings.region() == null ? ConnectionSettings.DEFAULT_REGION : settings.region();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.debug("Closing {} failed: {}", resource, e.getMessage());
        }
    }
}
