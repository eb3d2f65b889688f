package org.bucketsweep.model.browse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MFADeleteStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads buckets and their contents. Every method blocks: call it off the UI thread.
 *
 * <p>Listings ask for {@code encoding-type=url}: keys may hold characters that XML 1.0 cannot carry, and some
 * servers do not escape {@code &} or {@code <} at all. The SDK decodes the keys again when the answer says it
 * encoded them, and leaves them alone when a server ignores the parameter.
 */
public final class BucketBrowser {

    private static final Logger LOG = LoggerFactory.getLogger(BucketBrowser.class);
    private static final String DELIMITER = "/";

    /**
     * S3 sorts keys by their UTF-8 bytes; within a key, the newest version comes first. Only a fallback for when
     * the server's own interleaving is unknown: entries of one key written within the same timestamp tie.
     */
    private static final Comparator<ObjectVersion> S3_ORDER = Comparator
            .comparing((ObjectVersion v) -> v.key().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned)
            .thenComparing(ObjectVersion::latest, Comparator.reverseOrder())
            .thenComparing(ObjectVersion::lastModified, Comparator.nullsLast(Comparator.reverseOrder()));

    /** AWS answers at most this many buckets a page once a page size is asked for (it allows up to 10,000). */
    private static final int BUCKETS_PER_PAGE = 1000;

    private final S3Connection connection;
    private final Integer pageSize;

    public BucketBrowser(S3Connection connection) {
        this(connection, null);
    }

    /**
     * Lists with pages of at most {@code pageSize} entries (S3's MaxKeys) instead of the server's default (1,000 on
     * AWS): small pages let tests and benches watch a listing stream without seeding thousands of objects.
     */
    public BucketBrowser(S3Connection connection, Integer pageSize) {
        this.connection = connection;
        this.pageSize = pageSize;
    }

    /** The client for the bucket's region (AWS) or the connection's only client (custom endpoints). */
    private S3Client s3(String bucket) {
        return connection.client(bucket);
    }

    /**
     * The buckets' names, without their status (see {@link #versioningOf(String)}, {@link #objectLockOf}). On AWS
     * the list is paged (AWS asks that accounts with many buckets use paged ListBuckets) and each bucket's region is
     * remembered from it. Other servers get the plain request: not all of them know {@code max-buckets}.
     */
    public List<BucketSummary> listBuckets() {
        List<BucketSummary> buckets = new ArrayList<>();
        boolean aws = connection.regionPerBucket();
        connection.client().listBucketsPaginator(b -> {
            if (aws) {
                b.maxBuckets(BUCKETS_PER_PAGE);
            }
        }).buckets().forEach(b -> {
            connection.rememberRegion(b.name(), b.bucketRegion());
            buckets.add(BucketSummary.named(b.name(), b.creationDate()));
        });
        return buckets;
    }

    /** Object Lock and its default retention; {@link ObjectLockStatus#UNKNOWN} when the server refuses to tell. */
    public ObjectLockStatus objectLockOf(String bucket) {
        try {
            ObjectLockConfiguration config = s3(bucket).getObjectLockConfiguration(b -> b.bucket(bucket))
                    .objectLockConfiguration();
            if (config == null || config.objectLockEnabled() != ObjectLockEnabled.ENABLED) {
                return ObjectLockStatus.DISABLED;
            }
            DefaultRetention retention = config.rule() == null ? null : config.rule().defaultRetention();
            if (retention == null || retention.mode() == null) {
                return new ObjectLockStatus(ObjectLockStatus.State.ENABLED, null, null);
            }
            String period = retention.days() != null ? retention.days() + (retention.days() == 1 ? " day" : " days")
                    : retention.years() + (Integer.valueOf(1).equals(retention.years()) ? " year" : " years");
            return new ObjectLockStatus(ObjectLockStatus.State.ENABLED, retention.modeAsString(), period);
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("ObjectLockConfigurationNotFoundError".equals(code)) {
                return ObjectLockStatus.DISABLED;
            }
            LOG.info("Object Lock status of {} unknown: {}", bucket, e.getMessage());
            return ObjectLockStatus.UNKNOWN;
        } catch (SdkClientException e) {
            // Some servers answer this call with something the SDK cannot read.
            LOG.info("Object Lock status of {} unknown: {}", bucket, e.getMessage());
            return ObjectLockStatus.UNKNOWN;
        }
    }

    /** Versioning and MFA Delete; {@link BucketVersioning#UNKNOWN} when the server refuses to tell. */
    public BucketVersioning versioningOf(String bucket) {
        GetBucketVersioningResponse response;
        try {
            response = s3(bucket).getBucketVersioning(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw e;
            }
            LOG.info("Versioning status of {} unknown: {}", bucket, e.getMessage());
            return BucketVersioning.UNKNOWN;
        }
        VersioningStatus versioning = response.status() == BucketVersioningStatus.ENABLED ? VersioningStatus.ENABLED
                : response.status() == BucketVersioningStatus.SUSPENDED ? VersioningStatus.SUSPENDED
                : VersioningStatus.NEVER_ENABLED;
        MfaDeleteStatus mfa = response.mfaDelete() == MFADeleteStatus.ENABLED ? MfaDeleteStatus.ENABLED
                : MfaDeleteStatus.DISABLED;
        return new BucketVersioning(versioning, mfa);
    }

    /**
     * Lists one level under {@code prefix}: the common prefixes and either the current objects or, with
     * {@code versions}, every version and delete marker. Pages reach {@code sink} as they arrive, so the first rows
     * can be shown while S3 is still listing; cancelling stops before the next page.
     */
    public void listLevel(String bucket, String prefix, boolean versions, Consumer<ListingPage> sink,
                          CancellationToken cancel) {
        String p = prefix == null || prefix.isEmpty() ? null : prefix;
        if (versions) {
            listVersions(ListObjectVersionsRequest.builder().bucket(bucket).prefix(p).delimiter(DELIMITER)
                    .encodingType(EncodingType.URL).maxKeys(pageSize).build(), sink, cancel);
        } else {
            listCurrent(ListObjectsV2Request.builder().bucket(bucket).prefix(p).delimiter(DELIMITER)
                    .encodingType(EncodingType.URL).maxKeys(pageSize).build(), sink, cancel);
        }
    }

    /** Every current object under {@code prefix}, at all depths (no folders), page by page. */
    public void listAllCurrent(String bucket, String prefix, Consumer<ListingPage> sink, CancellationToken cancel) {
        String p = prefix == null || prefix.isEmpty() ? null : prefix;
        listCurrent(ListObjectsV2Request.builder().bucket(bucket).prefix(p).encodingType(EncodingType.URL)
                .maxKeys(pageSize).build(), sink, cancel);
    }

    /** Every version and delete marker under {@code prefix}, at all depths. */
    public void listAllVersions(String bucket, String prefix, Consumer<ListingPage> sink, CancellationToken cancel) {
        String p = prefix == null || prefix.isEmpty() ? null : prefix;
        listVersions(ListObjectVersionsRequest.builder().bucket(bucket).prefix(p).encodingType(EncodingType.URL)
                .maxKeys(pageSize).build(), sink, cancel);
    }

    private void listCurrent(ListObjectsV2Request request, Consumer<ListingPage> sink, CancellationToken cancel) {
        Set<String> prefixesSeen = new HashSet<>();
        for (ListObjectsV2Response page : s3(request.bucket()).listObjectsV2Paginator(request)) {
            List<ListingEntry> entries = new ArrayList<>(page.keyCount() == null ? 16 : page.keyCount());
            addPrefixes(page.commonPrefixes(), prefixesSeen, entries);
            page.contents().forEach(o -> entries.add(
                    new ObjectVersion(o.key(), null, true, false, nullToZero(o.size()), o.lastModified(),
                            o.eTag())));
            boolean last = !Boolean.TRUE.equals(page.isTruncated());
            sink.accept(new ListingPage(entries, last || cancel.isCancelled()));
            if (cancel.isCancelled()) {
                return;
            }
        }
    }

    private void listVersions(ListObjectVersionsRequest request, Consumer<ListingPage> sink,
                              CancellationToken cancel) {
        Set<String> prefixesSeen = new HashSet<>();
        VersionInterleaving interleaving = new VersionInterleaving();
        ListObjectVersionsRequest recorded = request.toBuilder()
                .overrideConfiguration(o -> o.addPlugin(interleaving)).build();
        // The paginator follows NextKeyMarker and NextVersionIdMarker until IsTruncated is false.
        for (ListObjectVersionsResponse page : s3(request.bucket()).listObjectVersionsPaginator(recorded)) {
            List<ObjectVersion> versions = new ArrayList<>(page.versions().size());
            page.versions().forEach(v -> versions.add(new ObjectVersion(v.key(), blankToNull(v.versionId()),
                    Boolean.TRUE.equals(v.isLatest()), false, nullToZero(v.size()), v.lastModified(), v.eTag())));
            List<ObjectVersion> markers = new ArrayList<>(page.deleteMarkers().size());
            for (DeleteMarkerEntry m : page.deleteMarkers()) {
                markers.add(new ObjectVersion(m.key(), blankToNull(m.versionId()),
                        Boolean.TRUE.equals(m.isLatest()), true, 0, m.lastModified()));
            }
            // The SDK splits S3's interleaved list into versions and markers; put them back in S3's order.
            List<ObjectVersion> inOrder = interleaving.merge(versions, markers);
            if (inOrder == null) {
                inOrder = new ArrayList<>(versions);
                inOrder.addAll(markers);
                inOrder.sort(S3_ORDER);
            }
            List<ListingEntry> entries = new ArrayList<>(page.commonPrefixes().size() + inOrder.size());
            addPrefixes(page.commonPrefixes(), prefixesSeen, entries);
            entries.addAll(inOrder);
            boolean last = !Boolean.TRUE.equals(page.isTruncated());
            sink.accept(new ListingPage(entries, last || cancel.isCancelled()));
            if (cancel.isCancelled()) {
                return;
            }
        }
    }

    /** Some servers repeat a common prefix on every page that holds keys under it: list each once. */
    private static void addPrefixes(List<software.amazon.awssdk.services.s3.model.CommonPrefix> prefixes,
                                    Set<String> seen, List<ListingEntry> entries) {
        for (var cp : prefixes) {
            if (seen.add(cp.prefix())) {
                entries.add(new CommonPrefix(cp.prefix()));
            }
        }
    }

    private static long nullToZero(Long size) {
        return size == null ? 0 : size;
    }

    private static String blankToNull(String versionId) {
        return versionId == null || versionId.isEmpty() ? null : versionId;
    }
}
