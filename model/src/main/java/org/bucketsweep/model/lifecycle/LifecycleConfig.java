package org.bucketsweep.model.lifecycle;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * A bucket's lifecycle configuration: every rule, BucketSweep's and anyone else's, exactly as S3 returned them, so
 * that a rule BucketSweep does not know (transitions, tag filters, size filters) goes back unchanged.
 */
public record LifecycleConfig(List<LifecycleRule> rules) {

    public static final LifecycleConfig EMPTY = new LifecycleConfig(List.of());

    public LifecycleConfig {
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Optional<LifecycleRule> rule(String id) {
        return rules.stream().filter(r -> id.equals(r.id())).findFirst();
    }

    /** Whether both hold the same rules; servers may return them in another order (Ceph sorts them by ID). */
    public boolean sameRulesAs(LifecycleConfig other) {
        return rules.size() == other.rules.size() && new HashSet<>(rules).equals(new HashSet<>(other.rules));
    }

    /** One line per rule, in S3's order, for a list a person reads. */
    public List<RuleSummary> summaries() {
        return rules.stream().map(RuleSummary::of).toList();
    }

    /** The IDs of BucketSweep's own rules. */
    public List<String> ourIds() {
        return rules.stream().map(LifecycleRule::id).filter(SweepRule::isOurs).toList();
    }
}
