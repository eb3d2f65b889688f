package org.bucketsweep.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.CommonPrefix;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Navigation, filter, versions view and refresh, on a real server, without a window. */
class ObjectBrowserListingTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private S3Connection connection;
    private TestBuckets buckets;
    private final ObjectBrowserViewModel model = new ObjectBrowserViewModel(new DirectTaskRunner(), new FakeDialogs());

    @BeforeEach
    void seed() {
        connection = server.connection();
        buckets = server.buckets();
        buckets.versionedBucket("browse");
        buckets.put("browse", "docs/ü/é.txt", "e");
        buckets.put("browse", "docs/report.pdf", "1");
        buckets.put("browse", "docs/report.pdf", "2");
        buckets.put("browse", "readme.md", "r");
        buckets.put("browse", "&<>.txt", "x");
        model.connect(new BucketBrowser(connection));
        model.open(new BucketSummary("browse", null,
                new BucketVersioning(VersioningStatus.ENABLED, MfaDeleteStatus.DISABLED)));
    }

    @Test
    void navigatesIntoFoldersAndBackUp() {
        assertThat(model.rows()).extracting(ListingEntry::key).containsExactly("docs/", "&<>.txt", "readme.md");

        model.enter(new CommonPrefix("docs/"));
        assertThat(model.rows()).extracting(ListingEntry::key).containsExactly("docs/ü/", "docs/report.pdf");
        assertThat(model.breadcrumbs()).extracting(Crumb::label).containsExactly("browse", "docs");

        model.enter(new CommonPrefix("docs/ü/"));
        model.up();
        assertThat(model.prefixProperty().get()).isEqualTo("docs/");
        model.up();
        assertThat(model.prefixProperty().get()).isEmpty();
    }

    @Test
    void showVersionsListsKeyRowsThenTheirVersions() {
        model.navigateTo("docs/");
        model.showVersionsProperty().set(true);

        assertThat(model.rows()).filteredOn(ObjectBrowserViewModel::isKeyRow).extracting(ListingEntry::key)
                .containsExactly("docs/report.pdf");
        assertThat(model.rows()).filteredOn(e -> e instanceof ObjectVersion v && v.versionId() != null)
                .hasSize(2);
        assertThat(model.statusProperty().get()).isEqualTo("1 folder, 1 key, 2 versions");
    }

    @Test
    void backAndForwardRetraceTheFoldersVisited() {
        model.navigateTo("docs/");
        model.navigateTo("docs/ü/");

        model.goBack();
        assertThat(model.prefixProperty().get()).isEqualTo("docs/");
        model.goBack();
        assertThat(model.prefixProperty().get()).isEmpty();
        assertThat(model.canGoBackProperty().get()).isFalse();
        model.goForward();
        assertThat(model.prefixProperty().get()).isEqualTo("docs/");
        assertThat(model.canGoForwardProperty().get()).isTrue();
    }

    @Test
    void allDepthsListsEveryKeyUnderTheFolderWithoutFolders() {
        model.navigateTo("docs/");
        model.flatProperty().set(true);

        assertThat(model.rows()).extracting(ListingEntry::key).containsExactly("docs/report.pdf", "docs/ü/é.txt");
    }

    @Test
    void theFilterNarrowsLoadedRowsCaseInsensitively() {
        model.filterProperty().set("READ");

        assertThat(model.visibleRows()).extracting(ListingEntry::key).containsExactly("readme.md");
        model.filterProperty().set("");
        assertThat(model.visibleRows()).hasSize(3);
    }

    @Test
    void refreshSelectsAgainTheRowsThatStillExist() {
        ListingEntry readme = model.rows().get(2);
        model.selection().setAll(List.of(readme));

        model.refresh();

        assertThat(model.selectionToRestoreProperty().get()).containsExactly(readme);
    }

    @Test
    void eachKeysRowCountsItsVersionsAndNoncurrentBytes() {
        buckets.put("browse", "docs/old.txt", "12345");
        buckets.put("browse", "docs/old.txt", "1234567");
        buckets.addDeleteMarker("browse", "docs/old.txt");
        model.navigateTo("docs/");

        model.showVersionsProperty().set(true);

        assertThat(model.rows()).filteredOn(KeyHistory.class::isInstance).map(KeyHistory.class::cast)
                .extracting(KeyHistory::key, KeyHistory::current, KeyHistory::noncurrent, KeyHistory::deleteMarkers,
                        KeyHistory::noncurrentBytes)
                .containsExactly(
                        tuple("docs/old.txt", 0, 2, 1, 12L),
                        tuple("docs/report.pdf", 1, 1, 0, 1L));
        assertThat(model.statusProperty().get())
                .isEqualTo("1 folder, 2 keys (1 deleted), 4 versions, 1 delete marker");
    }

    @Test
    void deletedKeysShowsOnlyKeysWhoseLatestVersionIsADeleteMarker() {
        String old1 = buckets.put("browse", "docs/old.txt", "12345");
        String marker = buckets.addDeleteMarker("browse", "docs/old.txt");
        model.navigateTo("docs/");

        model.deletedOnlyProperty().set(true);

        // It needs the versions listing (a plain one leaves deleted keys out), so it turns that on.
        assertThat(model.showVersionsProperty().get()).isTrue();
        assertThat(model.visibleRows()).extracting(ListingEntry::key, e -> e instanceof ObjectVersion v
                        ? v.versionId() : null)
                .containsExactly(tuple("docs/ü/", null), tuple("docs/old.txt", null), tuple("docs/old.txt", marker),
                        tuple("docs/old.txt", old1));
        assertThat(model.rows()).hasSizeGreaterThan(model.visibleRows().size());

        model.navigateTo("docs/ü/");
        assertThat(model.visibleRows()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("No deleted keys among the loaded rows.");

        model.showVersionsProperty().set(false);
        assertThat(model.deletedOnlyProperty().get()).isFalse();
        assertThat(model.visibleRows()).extracting(ListingEntry::key).containsExactly("docs/ü/é.txt");
    }

    @Test
    void refreshSelectsAgainAKeyRowWhoseCountsChanged() {
        model.navigateTo("docs/");
        model.showVersionsProperty().set(true);
        KeyHistory report = (KeyHistory) model.rows().stream().filter(KeyHistory.class::isInstance).findFirst()
                .orElseThrow();
        ObjectVersion current = (ObjectVersion) model.rows().get(model.rows().indexOf(report) + 1);
        ObjectVersion older = (ObjectVersion) model.rows().get(model.rows().indexOf(report) + 2);
        model.selection().setAll(List.of(report, current));
        connection.client().deleteObject(b -> b.bucket("browse").key(older.key()).versionId(older.versionId()));

        model.refresh();

        assertThat(model.selectionToRestoreProperty().get()).satisfiesExactly(
                key -> assertThat(key).isInstanceOfSatisfying(KeyHistory.class, k -> {
                    assertThat(k.key()).isEqualTo("docs/report.pdf");
                    assertThat(k.noncurrent()).isZero();
                }),
                version -> assertThat(version).isEqualTo(current));
        assertThat(model.rows()).doesNotContain(older);
    }

    @Test
    void aKeyRowIsDeletedAsTheKeyAndCopiedLikeIt() {
        model.showVersionsProperty().set(true);
        KeyHistory readme = (KeyHistory) model.rows().stream()
                .filter(r -> r instanceof KeyHistory k && k.key().equals("readme.md")).findFirst().orElseThrow();
        model.selection().setAll(List.of(readme));

        assertThat(model.selectedObjects()).singleElement().satisfies(o -> {
            assertThat(o.ref().key()).isEqualTo("readme.md");
            assertThat(o.ref().hasVersion()).isFalse();
        });
        assertThat(RowsText.tabSeparated(List.of(readme))).startsWith("readme.md\t\ttrue\tfalse\t1\t");
    }
}
