package org.bucketsweep.model.lifecycle;

import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * One existing rule in words, for a list.
 *
 * @param id          the rule's ID; {@code ""} when it has none (S3 then made one up, or the server sent none)
 * @param ours        whether BucketSweep made it (its ID starts with {@value SweepRule#ID_PREFIX})
 * @param enabled     Status Enabled; a disabled rule does nothing
 * @param filter      what it applies to, e.g. "prefix logs/", "the whole bucket", "tag env=dev"
 * @param actions     what it does, e.g. "noncurrent versions expire 30 days after they became noncurrent"
 */
public record RuleSummary(String id, boolean ours, boolean enabled, String filter, String actions) {

    static RuleSummary of(LifecycleRule rule) {
        String id = rule.id() == null ? "" : rule.id();
        return new RuleSummary(id, SweepRule.isOurs(id), rule.status() == ExpirationStatus.ENABLED,
                RuleWords.filter(rule), RuleWords.actions(rule));
    }
}
