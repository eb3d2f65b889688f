package org.bucketsweep.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.junit.jupiter.api.Test;

class ObjectBrowserViewModelTest {

    private static final BucketSummary BUCKET = new BucketSummary("b", null, BucketVersioning.UNKNOWN);

    @Test
    void breadcrumbKeepsEveryLevelOfOddPrefixesReachable() {
        assertThat(Crumb.trail(BUCKET, "a//b/")).containsExactly(
                new Crumb("b", ""), new Crumb("a", "a/"), new Crumb("/", "a//"), new Crumb("b", "a//b/"));
        assertThat(Crumb.trail(BUCKET, "ü/é/")).extracting(Crumb::label)
                .containsExactly("b", "ü", "é");
        assertThat(Crumb.trail(BUCKET, "")).containsExactly(new Crumb("b", ""));
    }
}
