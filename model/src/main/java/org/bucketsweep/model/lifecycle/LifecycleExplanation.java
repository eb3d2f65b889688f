package org.bucketsweep.model.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * What a BucketSweep rule will do, in sentences, with the parts of S3's semantics people get wrong: when the days
 * start counting, what NewerNoncurrentVersions needs, and that nothing happens at once.
 */
public final class LifecycleExplanation {

    private LifecycleExplanation() {
    }

    public static List<String> of(SweepRule rule) {
        List<String> lines = new ArrayList<>();
        String where = rule.prefix().isEmpty() ? "in the whole bucket" : "under " + rule.prefix();
        lines.add("Rule " + rule.id() + " applies to every key " + where + ".");
        if (rule.noncurrentDays() != null) {
            String days = RuleWords.days(rule.noncurrentDays());
            if (rule.keepNewest() == null) {
                lines.add("A noncurrent version is deleted for good " + days + " after it became noncurrent.");
            } else {
                lines.add("A noncurrent version is deleted for good " + days + " after it became noncurrent,"
                        + " except the newest " + rule.keepNewest() + " noncurrent versions of each key, which are"
                        + " kept however old they are. S3 takes the number to keep (NewerNoncurrentVersions) only"
                        + " together with the days (NoncurrentDays).");
            }
            lines.add("S3 counts NoncurrentDays from the moment a version became noncurrent, that is when a newer"
                    + " version or a delete marker was written over it, not from when the version itself was"
                    + " written: a version that was replaced yesterday waits the full " + days
                    + " however old it is.");
        }
        if (rule.expiredMarkers()) {
            lines.add("A delete marker with no versions left behind it (an expired delete marker) is removed."
                    + " Markers that still hide versions stay.");
        }
        if (rule.abortUploadsDays() != null) {
            lines.add("A multipart upload that was not completed " + RuleWords.days(rule.abortUploadsDays())
                    + " after it was started is aborted, and its parts are deleted.");
        }
        lines.add("Current versions are never touched by this rule.");
        lines.add("Expiry is asynchronous: S3 applies lifecycle rules in the background, typically within a day or"
                + " two of an object becoming eligible (on AWS an eligible object is no longer billed)."
                + " Nothing is deleted at the moment you apply the rule.");
        return List.copyOf(lines);
    }
}
