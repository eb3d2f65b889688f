package org.bucketsweep.model.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * A change to a bucket's lifecycle configuration, worked out before anything is sent: what the bucket has, what it
 * will have, and which of BucketSweep's rules are added, replaced or removed. Every rule that is not BucketSweep's
 * stays exactly as it was, in its place.
 *
 * @param before   the configuration read from the bucket
 * @param after    the configuration that will be sent; empty means DeleteBucketLifecycle
 * @param added    the rule added or replacing one with the same ID; {@code null} when rules are removed
 * @param replaced the rule of {@code before} with the same ID as {@code added}; {@code null} when there was none
 * @param removed  the IDs of the rules removed
 */
public record LifecycleChange(LifecycleConfig before, LifecycleConfig after, SweepRule added,
                              LifecycleRule replaced, List<String> removed) {

    public LifecycleChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        removed = List.copyOf(removed);
    }

    /**
     * Adds {@code rule}: a rule with its ID is replaced in its place, otherwise it goes at the end.
     */
    public static LifecycleChange add(LifecycleConfig before, SweepRule rule) {
        LifecycleRule sdk = rule.toSdk();
        LifecycleRule replaced = before.rule(rule.id()).orElse(null);
        List<LifecycleRule> rules = replaced == null
                ? Stream.concat(before.rules().stream(), Stream.of(sdk)).toList()
                : before.rules().stream().map(r -> rule.id().equals(r.id()) ? sdk : r).toList();
        return new LifecycleChange(before, new LifecycleConfig(rules), rule, replaced, List.of());
    }

    /**
     * Removes BucketSweep's rules with these IDs; IDs the bucket does not have are ignored.
     *
     * @throws IllegalArgumentException for an ID that is not BucketSweep's: those are never removed
     */
    public static LifecycleChange remove(LifecycleConfig before, Set<String> ids) {
        for (String id : ids) {
            if (!SweepRule.isOurs(id)) {
                throw new IllegalArgumentException("Rule '" + id + "' was not made by BucketSweep (its ID does not"
                        + " start with " + SweepRule.ID_PREFIX + "), so BucketSweep leaves it alone.");
            }
        }
        List<LifecycleRule> rules = before.rules().stream().filter(r -> !ids.contains(r.id())).toList();
        List<String> removed = before.rules().stream().map(LifecycleRule::id).filter(ids::contains).toList();
        return new LifecycleChange(before, new LifecycleConfig(rules), null, null, removed);
    }

    /** Removes every rule of BucketSweep's. */
    public static LifecycleChange removeOurs(LifecycleConfig before) {
        return remove(before, before.ourIds().stream().collect(Collectors.toSet()));
    }

    /** Whether sending it would change nothing. */
    public boolean changesNothing() {
        return before.sameRulesAs(after);
    }

    /** Whether it empties the configuration, so that DeleteBucketLifecycle is sent instead of a Put. */
    public boolean deletesConfiguration() {
        return after.isEmpty();
    }

    /** The rules of {@code before} that go back unchanged: all but the replaced and the removed ones. */
    public List<LifecycleRule> kept() {
        return before.rules().stream()
                .filter(r -> !removed.contains(r.id()) && !(added != null && added.id().equals(r.id())))
                .toList();
    }
}
