package org.bucketsweep.model.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHistoriesTest {

    private final KeyHistories histories = new KeyHistories();

    @Test
    void eachKeysRowCountsItsVersionsAndGoesBeforeThem() {
        ObjectVersion a3 = version("a", "3", true, 30);
        ObjectVersion aMarker = marker("a", "m", false);
        ObjectVersion a1 = version("a", "1", false, 10);
        ObjectVersion bMarker = marker("b", "bm", true);
        ObjectVersion b1 = version("b", "b1", false, 7);

        KeyHistories.GroupedPage page = histories.add(new ListingPage(
                List.of(new CommonPrefix("dir/"), a3, aMarker, a1, bMarker, b1), true));

        assertThat(page.revised()).isNull();
        assertThat(page.rows()).containsExactly(new CommonPrefix("dir/"),
                new KeyHistory(a3, 1, 1, 10), a3, aMarker, a1,
                new KeyHistory(bMarker, 1, 1, 7), bMarker, b1);
        KeyHistory a = (KeyHistory) page.rows().get(1);
        assertThat(a.current()).isEqualTo(1);
        assertThat(a.deleted()).isFalse();
        assertThat(a.size()).isEqualTo(30);
        assertThat(a.total()).isEqualTo(3);
        KeyHistory b = (KeyHistory) page.rows().get(5);
        assertThat(b.current()).isZero();
        assertThat(b.deleted()).isTrue();
        assertThat(b.asCurrentObject()).isEqualTo(new ObjectVersion("b", null, true, true, 0, null));
    }

    @Test
    void aKeyThatContinuesOnTheNextPageHasItsRowRevisedThere() {
        ObjectVersion a2 = version("a", "2", true, 5);
        ObjectVersion a1 = version("a", "1", false, 4);
        ObjectVersion a0 = version("a", "0", false, 3);
        ObjectVersion b1 = version("b", "1", true, 1);

        KeyHistories.GroupedPage first = histories.add(new ListingPage(List.of(a2), false));
        KeyHistories.GroupedPage second = histories.add(new ListingPage(List.of(a1, a0, b1), true));

        assertThat(first.rows()).containsExactly(new KeyHistory(a2, 0, 0, 0), a2);
        assertThat(second.revised()).isEqualTo(new KeyHistory(a2, 2, 0, 7));
        assertThat(second.rows()).containsExactly(a1, a0, new KeyHistory(b1, 0, 0, 0), b1);
    }

    @Test
    void theKeyAPageEndsWithIsHeldBackAndSentWholeWithTheNextPage() {
        ObjectVersion a1 = version("a", "1", true, 1);
        ObjectVersion b2 = version("b", "2", true, 2);
        ObjectVersion b1 = version("b", "1", false, 1);
        ObjectVersion c1 = version("c", "1", true, 1);

        KeyHistories.GroupedPage first = histories.add(new ListingPage(List.of(a1, b2), false));
        KeyHistories.GroupedPage second = histories.add(new ListingPage(List.of(b1, c1), true));

        assertThat(first.rows()).containsExactly(new KeyHistory(a1, 0, 0, 0), a1);
        assertThat(second.revised()).isNull();
        assertThat(second.rows()).containsExactly(new KeyHistory(b2, 1, 0, 1), b2, b1, new KeyHistory(c1, 0, 0, 0),
                c1);
    }

    @Test
    void aKeyThatFillsPagesIsSentAtOnceAndRevisedByEachPageThatCarriesMoreOfIt() {
        ObjectVersion a1 = version("a", "1", true, 1);
        ObjectVersion b4 = version("b", "4", true, 4);
        ObjectVersion b3 = version("b", "3", false, 3);
        ObjectVersion b2 = version("b", "2", false, 2);
        ObjectVersion b1 = version("b", "1", false, 1);

        KeyHistories.GroupedPage first = histories.add(new ListingPage(List.of(a1, b4), false));
        KeyHistories.GroupedPage second = histories.add(new ListingPage(List.of(b3, b2), false));
        KeyHistories.GroupedPage third = histories.add(new ListingPage(List.of(b1), true));

        assertThat(first.rows()).containsExactly(new KeyHistory(a1, 0, 0, 0), a1);
        // b's held row and this page are all b: sent now, as far as it goes.
        assertThat(second.revised()).isNull();
        assertThat(second.rows()).containsExactly(new KeyHistory(b4, 2, 0, 5), b4, b3, b2);
        assertThat(third.revised()).isEqualTo(new KeyHistory(b4, 3, 0, 6));
        assertThat(third.rows()).containsExactly(b1);
    }

    @Test
    void aPageThatEndsBetweenKeysRevisesNothing() {
        histories.add(new ListingPage(List.of(version("a", "1", true, 1)), false));

        KeyHistories.GroupedPage next = histories.add(new ListingPage(List.of(version("b", "1", true, 1)), true));

        assertThat(next.revised()).isNull();
        assertThat(next.rows()).hasSize(2);
    }

    private static ObjectVersion version(String key, String id, boolean latest, long size) {
        return new ObjectVersion(key, id, latest, false, size, null);
    }

    private static ObjectVersion marker(String key, String id, boolean latest) {
        return new ObjectVersion(key, id, latest, true, 0, null);
    }
}
