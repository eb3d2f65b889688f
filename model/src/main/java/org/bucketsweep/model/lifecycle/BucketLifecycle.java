package org.bucketsweep.model.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bucketsweep.model.connection.S3Connection;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads and changes a bucket's lifecycle configuration. S3 keeps all of a bucket's rules in one document that is
 * replaced as a whole, so every change is worked out against what was read ({@link LifecycleChange}) and sent only if
 * the bucket still has that. Blocks: call it off the UI thread. Failures are {@link LifecycleException}s.
 */
public final class BucketLifecycle {

    private final S3Connection connection;

    public BucketLifecycle(S3Connection connection) {
        this.connection = connection;
    }

    /** The bucket's rules; a bucket without a configuration (NoSuchLifecycleConfiguration) has none. */
    public LifecycleConfig read(String bucket) {
        try {
            return readOrThrow(connection.client(bucket), bucket);
        } catch (RuntimeException e) {
            throw LifecycleException.of("read the lifecycle rules of " + bucket, e);
        }
    }

    /** Works out adding {@code rule} to the bucket's rules as they are now. */
    public LifecycleChange planAdd(String bucket, SweepRule rule) {
        return LifecycleChange.add(read(bucket), rule);
    }

    /** Works out removing every rule of BucketSweep's from the bucket's rules as they are now. */
    public LifecycleChange planRemoveOurs(String bucket) {
        return LifecycleChange.removeOurs(read(bucket));
    }

    /**
     * Sends the change: PutBucketLifecycleConfiguration with every rule of {@link LifecycleChange#after()}, or
     * DeleteBucketLifecycle when none is left.
     *
     * @throws LifecycleException also when the server stored the added rule differently from how it was sent (the
     *         previous rules are then put back), and when the bucket's rules changed since {@code change} was worked out (someone
     *         else changed them): sending it would undo their change, so nothing is sent
     */
    public void apply(String bucket, LifecycleChange change) {
        if (change.changesNothing()) {
            return;
        }
        S3Client s3 = connection.client(bucket);
        try {
            LifecycleConfig now = readOrThrow(s3, bucket);
            if (!now.sameRulesAs(change.before())) {
                throw new LifecycleException("RulesChanged", "The lifecycle rules of " + bucket + " changed since"
                        + " they were read, so nothing was sent.", null, "Review the change again.", null);
            }
            send(s3, bucket, change.after());
            if (change.added() != null) {
                checkStored(s3, bucket, change);
            }
        } catch (LifecycleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw LifecycleException.of("change the lifecycle rules of " + bucket, e);
        }
    }

    private static void send(S3Client s3, String bucket, LifecycleConfig config) {
        if (config.isEmpty()) {
            s3.deleteBucketLifecycle(b -> b.bucket(bucket));
        } else {
            s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(
                    BucketLifecycleConfiguration.builder().rules(config.rules()).build()));
        }
    }

    /**
     * Reads the added rule back. A server that stored less than was sent (Ceph 16 drops NewerNoncurrentVersions, so
     * the newest versions meant to be kept would expire too) gets the previous rules back, and the person is told.
     */
    private static void checkStored(S3Client s3, String bucket, LifecycleChange change) {
        SweepRule added = change.added();
        SweepRule.Stored stored = readOrThrow(s3, bucket).rule(added.id()).map(SweepRule::stored).orElse(null);
        if (added.asStored().equals(stored)) {
            return;
        }
        send(s3, bucket, change.before());
        throw new LifecycleException("RuleNotStoredAsSent", "The server accepted rule " + added.id() + " but stored "
                + (stored == null ? "no such rule" : "it differently (" + difference(added.asStored(), stored) + ")")
                + ", so BucketSweep put the bucket's previous lifecycle rules back.", null,
                added.keepNewest() != null && stored != null && stored.keepNewest() == null
                        ? "This server does not support keeping the newest noncurrent versions"
                          + " (NewerNoncurrentVersions). Create the rule without --keep-newest, or delete with"
                          + " BucketSweep instead."
                        : "Check what this server supports of lifecycle rules.", null);
    }

    private static String difference(SweepRule.Stored sent, SweepRule.Stored stored) {
        List<String> parts = new ArrayList<>();
        compare(parts, "prefix", sent.prefix(), stored.prefix());
        compare(parts, "NoncurrentDays", sent.noncurrentDays(), stored.noncurrentDays());
        compare(parts, "NewerNoncurrentVersions", sent.keepNewest(), stored.keepNewest());
        compare(parts, "ExpiredObjectDeleteMarker", sent.expiredMarkers(), stored.expiredMarkers());
        compare(parts, "DaysAfterInitiation", sent.abortUploadsDays(), stored.abortUploadsDays());
        compare(parts, "Status Enabled", sent.enabled(), stored.enabled());
        return String.join(", ", parts);
    }

    private static void compare(List<String> parts, String name, Object sent, Object stored) {
        if (!Objects.equals(sent, stored)) {
            parts.add(name + " " + (stored == null ? "missing" : stored) + " instead of " + sent);
        }
    }

    private static LifecycleConfig readOrThrow(S3Client s3, String bucket) {
        try {
            return new LifecycleConfig(s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules());
        } catch (S3Exception e) {
            if (e.awsErrorDetails() != null && "NoSuchLifecycleConfiguration".equals(e.awsErrorDetails().errorCode())) {
                return LifecycleConfig.EMPTY;
            }
            throw e;
        }
    }
}
