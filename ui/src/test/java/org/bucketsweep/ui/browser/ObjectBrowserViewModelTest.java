package org.bucketsweep.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.junit.jupiter.api.Test;

class ObjectBrowserViewModelTest {

    private static final BucketSummary BUCKET = new BucketSummary("b", null, BucketVersioning.UNKNOWN);

    @Test
    void breadcrumbKeepsEveryLevelOfOddPrefixesReachable() {
        assertThat(ObjectBrowserViewModel.crumbsFor(BUCKET, "a//b/")).containsExactly(
                new Crumb("b", ""), new Crumb("a", "a/"), new Crumb("/", "a//"), new Crumb("b", "a//b/"));
        assertThat(ObjectBrowserViewModel.crumbsFor(BUCKET, "ü/é/")).extracting(Crumb::label)
                .containsExactly("b", "ü", "é");
        assertThat(ObjectBrowserViewModel.crumbsFor(BUCKET, "")).containsExactly(new Crumb("b", ""));
    }

    @Test
    void keyRowsGoBeforeEachKeysVersionsAcrossPages() {
        ObjectBrowserViewModel.KeyRows keyRows = new ObjectBrowserViewModel.KeyRows();
        ObjectVersion a2 = new ObjectVersion("a", "2", true, false, 5, null);
        ObjectVersion a1 = new ObjectVersion("a", "1", false, false, 4, null);
        ObjectVersion b1 = new ObjectVersion("b", "1", true, true, 0, null);

        List<ListingEntry> first = keyRows.insertInto(List.of(a2));
        List<ListingEntry> second = keyRows.insertInto(List.of(a1, b1));

        assertThat(first).containsExactly(new ObjectVersion("a", null, true, false, 5, null), a2);
        assertThat(second).containsExactly(a1, new ObjectVersion("b", null, true, true, 0, null), b1);
        assertThat(second).filteredOn(ObjectBrowserViewModel::isKeyRow).hasSize(1);
    }
}
