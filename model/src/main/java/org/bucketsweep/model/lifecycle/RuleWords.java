package org.bucketsweep.model.lifecycle;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.Tag;

/** Any lifecycle rule, also one BucketSweep did not make, in a few words. */
final class RuleWords {

    private RuleWords() {
    }

    static String filter(LifecycleRule rule) {
        LifecycleRuleFilter filter = rule.filter();
        if (filter == null) {
            // The legacy form: a Prefix element directly in the rule.
            return prefix(rule.prefix());
        }
        List<String> parts = new ArrayList<>();
        if (filter.and() != null) {
            LifecycleRuleAndOperator and = filter.and();
            if (and.prefix() != null) {
                parts.add(prefix(and.prefix()));
            }
            and.tags().forEach(t -> parts.add(tag(t)));
            size(parts, and.objectSizeGreaterThan(), and.objectSizeLessThan());
        } else {
            if (filter.prefix() != null) {
                parts.add(prefix(filter.prefix()));
            }
            if (filter.tag() != null) {
                parts.add(tag(filter.tag()));
            }
            size(parts, filter.objectSizeGreaterThan(), filter.objectSizeLessThan());
        }
        return parts.isEmpty() ? "the whole bucket" : String.join(", ", parts);
    }

    static String actions(LifecycleRule rule) {
        List<String> parts = new ArrayList<>();
        LifecycleExpiration expiration = rule.expiration();
        if (expiration != null) {
            if (expiration.days() != null) {
                parts.add("current versions expire " + days(expiration.days()) + " after they were created");
            }
            if (expiration.date() != null) {
                parts.add("current versions expire on " + expiration.date());
            }
            if (Boolean.TRUE.equals(expiration.expiredObjectDeleteMarker())) {
                parts.add("expired delete markers are removed");
            }
        }
        NoncurrentVersionExpiration noncurrent = rule.noncurrentVersionExpiration();
        if (noncurrent != null && noncurrent.noncurrentDays() != null) {
            parts.add("noncurrent versions expire " + days(noncurrent.noncurrentDays())
                    + " after they became noncurrent"
                    + (noncurrent.newerNoncurrentVersions() == null ? ""
                    : ", except the newest " + noncurrent.newerNoncurrentVersions() + " of each key"));
        }
        if (!rule.transitions().isEmpty() || !rule.noncurrentVersionTransitions().isEmpty()) {
            parts.add("moves versions to other storage classes");
        }
        if (rule.abortIncompleteMultipartUpload() != null
                && rule.abortIncompleteMultipartUpload().daysAfterInitiation() != null) {
            parts.add("incomplete multipart uploads are aborted "
                    + days(rule.abortIncompleteMultipartUpload().daysAfterInitiation()) + " after they were started");
        }
        return parts.isEmpty() ? "no action" : String.join("; ", parts);
    }

    static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String prefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? "the whole bucket" : "prefix " + prefix;
    }

    private static String tag(Tag tag) {
        return "tag " + tag.key() + "=" + tag.value();
    }

    private static void size(List<String> parts, Long greaterThan, Long lessThan) {
        if (greaterThan != null) {
            parts.add("larger than " + greaterThan + " B");
        }
        if (lessThan != null) {
            parts.add("smaller than " + lessThan + " B");
        }
    }
}
