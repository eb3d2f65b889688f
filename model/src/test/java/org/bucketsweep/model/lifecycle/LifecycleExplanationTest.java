package org.bucketsweep.model.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The explanation says what S3 will do, including the parts people get wrong. */
class LifecycleExplanationTest {

    @Test
    void noncurrentDaysCountFromWhenAVersionBecameNoncurrentAndNothingHappensAtOnce() {
        String text = String.join("\n", LifecycleExplanation.of(new SweepRule("logs/", 30, null, false, null)));

        assertThat(text).contains("under logs/")
                .contains("deleted for good 30 days after it became noncurrent")
                .contains("from the moment a version became noncurrent")
                .contains("Current versions are never touched")
                .contains("asynchronous").contains("within a day or two")
                .doesNotContain("newest").doesNotContain("delete marker with no versions");
    }

    @Test
    void keepingTheNewestSaysItNeedsTheDaysAndEachActionIsExplained() {
        String text = String.join("\n", LifecycleExplanation.of(new SweepRule("", 1, 3, true, 7)));

        assertThat(text).contains("in the whole bucket")
                .contains("except the newest 3 noncurrent versions of each key")
                .contains("NewerNoncurrentVersions").contains("only together with the days (NoncurrentDays)")
                .contains("expired delete marker")
                .contains("not completed 7 days after it was started is aborted");
    }
}
