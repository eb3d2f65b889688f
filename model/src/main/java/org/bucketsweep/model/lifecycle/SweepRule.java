package org.bucketsweep.model.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;

/**
 * A lifecycle rule as BucketSweep creates it: S3 does a cleanup in the background that would take a desktop too
 * long. One rule per prefix, so adding a rule for a prefix that has one replaces it (its ID is made from the prefix).
 *
 * @param prefix           the keys it applies to; {@code ""} for the whole bucket
 * @param noncurrentDays   expire versions this many days after they became noncurrent; {@code null} for none
 * @param keepNewest       keep this many newest noncurrent versions of each key however old (NewerNoncurrentVersions,
 *                         1 to 100); {@code null} for none. S3 only takes it together with {@code noncurrentDays}
 * @param expiredMarkers   remove delete markers that have no version left behind them (ExpiredObjectDeleteMarker)
 * @param abortUploadsDays abort multipart uploads this many days after they were started; {@code null} for none
 */
public record SweepRule(String prefix, Integer noncurrentDays, Integer keepNewest, boolean expiredMarkers,
                        Integer abortUploadsDays) {

    /** What marks a rule as BucketSweep's own: only rules with IDs that start with it are ever replaced or removed. */
    public static final String ID_PREFIX = "bucketsweep-";
    /** NewerNoncurrentVersions: AWS takes 1 to 100. */
    public static final int MAX_KEEP_NEWEST = 100;
    /** S3's limit for a rule ID. */
    private static final int MAX_ID_LENGTH = 255;
    private static final String WHOLE_BUCKET = "whole-bucket";

    public SweepRule {
        prefix = prefix == null ? "" : prefix;
        positive("noncurrent days", noncurrentDays);
        positive("abort uploads days", abortUploadsDays);
        if (keepNewest != null) {
            if (keepNewest < 1 || keepNewest > MAX_KEEP_NEWEST) {
                throw new IllegalArgumentException("Keep newest must be between 1 and " + MAX_KEEP_NEWEST
                        + ", not " + keepNewest + ".");
            }
            if (noncurrentDays == null) {
                throw new IllegalArgumentException("Keeping the newest noncurrent versions needs noncurrent days too:"
                        + " S3 only takes NewerNoncurrentVersions together with NoncurrentDays.");
            }
        }
        if (noncurrentDays == null && !expiredMarkers && abortUploadsDays == null) {
            throw new IllegalArgumentException("A rule needs at least one action: noncurrent days, expired delete"
                    + " markers or abort uploads days.");
        }
    }

    /** Whether a rule with this ID is BucketSweep's own. */
    public static boolean isOurs(String ruleId) {
        return ruleId != null && ruleId.startsWith(ID_PREFIX);
    }

    /**
     * {@code bucketsweep-PREFIX} ({@code bucketsweep-whole-bucket} for the whole bucket); a prefix too long for S3's
     * 255 characters is cut and followed by a hash of the whole prefix, so that two long prefixes never share an ID.
     */
    public String id() {
        String name = prefix.isEmpty() ? WHOLE_BUCKET : prefix;
        String id = ID_PREFIX + name;
        if (id.length() <= MAX_ID_LENGTH) {
            return id;
        }
        String hash = sha256(prefix).substring(0, 16);
        return id.substring(0, MAX_ID_LENGTH - hash.length() - 1) + "-" + hash;
    }

    /** The rule as the SDK sends it: a Filter with the prefix, enabled, only the actions that were asked for. */
    public LifecycleRule toSdk() {
        LifecycleRule.Builder rule = LifecycleRule.builder()
                .id(id())
                .filter(LifecycleRuleFilter.builder().prefix(prefix).build())
                .status(ExpirationStatus.ENABLED);
        if (expiredMarkers) {
            rule.expiration(LifecycleExpiration.builder().expiredObjectDeleteMarker(true).build());
        }
        if (noncurrentDays != null) {
            rule.noncurrentVersionExpiration(NoncurrentVersionExpiration.builder()
                    .noncurrentDays(noncurrentDays).newerNoncurrentVersions(keepNewest).build());
        }
        if (abortUploadsDays != null) {
            rule.abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder()
                    .daysAfterInitiation(abortUploadsDays).build());
        }
        return rule.build();
    }

    /**
     * What a stored rule does in BucketSweep's terms, to check that a server kept everything that was sent (Ceph 16
     * accepts NewerNoncurrentVersions and silently drops it). Reads the Filter's prefix or the legacy Prefix.
     */
    static SweepRule.Stored stored(LifecycleRule rule) {
        String prefix = rule.filter() != null && rule.filter().prefix() != null ? rule.filter().prefix()
                : rule.prefix() == null ? "" : rule.prefix();
        var noncurrent = rule.noncurrentVersionExpiration();
        var abort = rule.abortIncompleteMultipartUpload();
        return new Stored(prefix, noncurrent == null ? null : noncurrent.noncurrentDays(),
                noncurrent == null ? null : noncurrent.newerNoncurrentVersions(),
                rule.expiration() != null && Boolean.TRUE.equals(rule.expiration().expiredObjectDeleteMarker()),
                abort == null ? null : abort.daysAfterInitiation(), rule.status() == ExpirationStatus.ENABLED);
    }

    Stored asStored() {
        return new Stored(prefix, noncurrentDays, keepNewest, expiredMarkers, abortUploadsDays, true);
    }

    /** The fields of a stored rule that BucketSweep sets, without validation (a server may store anything). */
    record Stored(String prefix, Integer noncurrentDays, Integer keepNewest, boolean expiredMarkers,
                  Integer abortUploadsDays, boolean enabled) {
    }

    private static void positive(String what, Integer days) {
        if (days != null && days < 1) {
            throw new IllegalArgumentException("The " + what + " must be 1 or more, not " + days + ".");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
