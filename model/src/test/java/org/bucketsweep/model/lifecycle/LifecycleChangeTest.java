package org.bucketsweep.model.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Merging BucketSweep's rules into a bucket's configuration never drops or alters anyone else's rule. */
class LifecycleChangeTest {

    /** A rule someone else made, with parts BucketSweep never writes itself. */
    static final LifecycleRule ARCHIVE = LifecycleRule.builder()
            .id("archive-logs")
            .filter(f -> f.and(a -> a.prefix("logs/").tags(t -> t.key("tier").value("cold"))
                    .objectSizeGreaterThan(1024L)))
            .status(ExpirationStatus.ENABLED)
            .transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER))
            .build();
    static final LifecycleRule LEGACY = LifecycleRule.builder()
            .id("tmp-cleanup").prefix("tmp/").status(ExpirationStatus.DISABLED)
            .expiration(e -> e.days(7)).build();

    @Test
    void addingKeepsEveryOtherRuleUnchangedAndInPlace() {
        LifecycleConfig before = new LifecycleConfig(List.of(ARCHIVE, LEGACY));
        SweepRule rule = new SweepRule("backups/", 30, 3, false, null);

        LifecycleChange change = LifecycleChange.add(before, rule);

        assertThat(change.after().rules()).containsExactly(ARCHIVE, LEGACY, rule.toSdk());
        assertThat(change.replaced()).isNull();
        assertThat(change.kept()).containsExactly(ARCHIVE, LEGACY);
        assertThat(change.deletesConfiguration()).isFalse();
    }

    @Test
    void aRuleForTheSamePrefixReplacesBucketSweepsOldOneInItsPlace() {
        SweepRule old = new SweepRule("backups/", 90, null, false, null);
        SweepRule mine = new SweepRule("backups/", 30, null, true, 7);
        LifecycleConfig before = new LifecycleConfig(List.of(old.toSdk(), ARCHIVE));

        LifecycleChange change = LifecycleChange.add(before, mine);

        assertThat(change.after().rules()).containsExactly(mine.toSdk(), ARCHIVE);
        assertThat(change.replaced()).isEqualTo(old.toSdk());
        assertThat(change.kept()).containsExactly(ARCHIVE);
    }

    @Test
    void removingTakesOnlyBucketSweepsRulesAndAnEmptyResultDeletesTheConfiguration() {
        SweepRule a = new SweepRule("a/", 1, null, false, null);
        SweepRule b = new SweepRule("", null, null, true, null);
        LifecycleConfig mixed = new LifecycleConfig(List.of(a.toSdk(), ARCHIVE, b.toSdk()));

        LifecycleChange change = LifecycleChange.removeOurs(mixed);
        assertThat(change.after().rules()).containsExactly(ARCHIVE);
        assertThat(change.removed()).containsExactly(a.id(), b.id());

        LifecycleChange onlyOurs = LifecycleChange.removeOurs(new LifecycleConfig(List.of(a.toSdk())));
        assertThat(onlyOurs.deletesConfiguration()).isTrue();
        assertThat(LifecycleChange.removeOurs(new LifecycleConfig(List.of(ARCHIVE))).changesNothing()).isTrue();
    }

    @Test
    void aRuleThatIsNotBucketSweepsIsNeverRemoved() {
        LifecycleConfig before = new LifecycleConfig(List.of(ARCHIVE));

        assertThatThrownBy(() -> LifecycleChange.remove(before, Set.of("archive-logs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not made by BucketSweep");
    }

    @Test
    void idsComeFromThePrefixAndStayWithinS3sLimit() {
        assertThat(new SweepRule("logs/", 1, null, false, null).id()).isEqualTo("bucketsweep-logs/");
        assertThat(new SweepRule("", 1, null, false, null).id()).isEqualTo("bucketsweep-whole-bucket");
        String longA = "x".repeat(600) + "a";
        String longB = "x".repeat(600) + "b";
        String idA = new SweepRule(longA, 1, null, false, null).id();
        assertThat(idA).hasSize(255).startsWith("bucketsweep-xxx");
        assertThat(idA).isNotEqualTo(new SweepRule(longB, 1, null, false, null).id());
        assertThat(SweepRule.isOurs(idA)).isTrue();
        assertThat(SweepRule.isOurs("archive-logs")).isFalse();
    }

    @Test
    void keepingTheNewestNeedsNoncurrentDaysAndARuleNeedsAnAction() {
        assertThatThrownBy(() -> new SweepRule("", null, 3, false, null))
                .hasMessageContaining("NewerNoncurrentVersions").hasMessageContaining("NoncurrentDays");
        assertThatThrownBy(() -> new SweepRule("", null, null, false, null)).hasMessageContaining("action");
        assertThatThrownBy(() -> new SweepRule("", 0, null, false, null)).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> new SweepRule("", 1, 101, false, null)).hasMessageContaining("100");
    }

    @Test
    void summariesMarkBucketSweepsRulesAndDescribeOthersInWords() {
        SweepRule mine = new SweepRule("backups/", 30, 2, true, 7);
        List<RuleSummary> rules = new LifecycleConfig(List.of(ARCHIVE, LEGACY, mine.toSdk())).summaries();

        assertThat(rules).extracting(RuleSummary::id, RuleSummary::ours, RuleSummary::enabled).containsExactly(
                org.assertj.core.groups.Tuple.tuple("archive-logs", false, true),
                org.assertj.core.groups.Tuple.tuple("tmp-cleanup", false, false),
                org.assertj.core.groups.Tuple.tuple("bucketsweep-backups/", true, true));
        assertThat(rules.get(0).filter()).isEqualTo("prefix logs/, tag tier=cold, larger than 1024 B");
        assertThat(rules.get(0).actions()).isEqualTo("moves versions to other storage classes");
        assertThat(rules.get(1).filter()).isEqualTo("prefix tmp/");
        assertThat(rules.get(2).actions()).isEqualTo("expired delete markers are removed; noncurrent versions"
                + " expire 30 days after they became noncurrent, except the newest 2 of each key; incomplete"
                + " multipart uploads are aborted 7 days after they were started");
    }
}
