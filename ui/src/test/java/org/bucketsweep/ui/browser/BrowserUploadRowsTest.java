package org.bucketsweep.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.main.MainViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.bucketsweep.ui.uploads.UploadRow;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Incomplete uploads as rows of the browser, and Delete on them, through the main window's view model against a
 * real server that is read afterwards.
 */
class BrowserUploadRowsTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private final FakeDialogs dialogs = new FakeDialogs();
    private S3Connection seed;
    private TestBuckets buckets;
    private MainViewModel model;
    private String big;

    @BeforeEach
    void seed() {
        seed = S3Connection.open(TestBuckets.settings(server.getUri()));
        buckets = new TestBuckets(seed.client());
        buckets.versionedBucket("work");
        buckets.put("work", "logs/a.log", "a");
        big = buckets.startUpload("work", "logs/big.iso", 1000, 24);
        buckets.startUpload("work", "logs/deeper/x.bin", 10);
    }

    @AfterEach
    void close() {
        if (model != null) {
            model.close();
        }
        seed.close();
    }

    private void open(ConnectionSettings settings, String folder) {
        model = new MainViewModel(new DirectTaskRunner(), dialogs, () -> settings, s -> { }, null);
        model.connect(settings);
        model.buckets().selectedProperty().set(model.buckets().buckets().get(0));
        model.browser().navigateTo(folder);
    }

    @Test
    void theFoldersOwnUploadsAreRowsOfTheirOwnWithPartsAndBytes() {
        open(TestBuckets.settings(server.getUri()), "logs/");

        assertThat(model.browser().rows()).extracting(ListingEntry::key)
                .containsExactly("logs/a.log", "logs/big.iso");
        IncompleteUpload row = (IncompleteUpload) model.browser().rows().get(1);
        assertThat(row.upload().uploadId()).isEqualTo(big);
        assertThat(BrowserCells.uploadText(row.upload())).startsWith("incomplete upload, started ")
                .endsWith(", 2 parts, 1.0 KiB");
        assertThat(model.browser().statusProperty().get())
                .isEqualTo("0 folders, 1 object, 1 incomplete upload (1.0 KiB)");

        // All depths: the upload of the folder below too.
        model.browser().flatProperty().set(true);
        assertThat(model.browser().rows()).filteredOn(IncompleteUpload.class::isInstance).extracting(ListingEntry::key)
                .containsExactlyInAnyOrder("logs/big.iso", "logs/deeper/x.bin");
    }

    @Test
    void deleteOnUploadRowsAbortsThemAfterTheSameConfirmationAndTheirRowsGo() {
        open(TestBuckets.settings(server.getUri()), "logs/");
        model.browser().flatProperty().set(true);
        List<ListingEntry> uploadRows = model.browser().rows().stream().filter(IncompleteUpload.class::isInstance)
                .toList();
        model.browser().selection().setAll(uploadRows);

        model.deleteSelected();

        assertThat(dialogs.deleteDialogs).isEmpty();
        assertThat(dialogs.confirmations).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Abort incomplete uploads");
            assertThat(c.header()).isEqualTo("Abort 2 uploads in work, holding 1.0 KiB of parts?");
        });
        // One outcome per upload, in the uploads panel, which the window brings to the front.
        assertThat(model.uploads().revealedProperty().get()).isEqualTo(1);
        assertThat(model.uploads().rows()).extracting(r -> r.upload().key(), UploadRow::outcomeText)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("logs/big.iso", "Aborted"),
                        org.assertj.core.groups.Tuple.tuple("logs/deeper/x.bin", "Aborted"));
        assertThat(uploadsOnServer()).isEmpty();
        assertThat(model.browser().rows()).noneMatch(IncompleteUpload.class::isInstance)
                .extracting(ListingEntry::key).containsExactly("logs/a.log");
        assertThat(buckets.versionsOf("work", "logs/a.log")).hasSize(1);
    }

    @Test
    void aSelectionMixingUploadsAndObjectsIsRefusedAndNothingIsSent() {
        open(TestBuckets.settings(server.getUri()), "logs/");
        model.browser().selection().setAll(model.browser().rows().stream()
                .filter(e -> e instanceof IncompleteUpload || e instanceof ObjectVersion).toList());

        model.deleteSelected();

        assertThat(dialogs.failures).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("The selection holds 1 incomplete upload and 1 object or version. An"
                    + " incomplete upload is aborted (its parts are deleted), an object or version is deleted: each"
                    + " has a preview of its own.");
            assertThat(f.hint()).contains("Select only the upload rows");
        });
        assertThat(dialogs.confirmations).isEmpty();
        assertThat(dialogs.deleteDialogs).isEmpty();
        assertThat(uploadsOnServer()).extracting(MultipartUpload::key)
                .containsExactlyInAnyOrder("logs/big.iso", "logs/deeper/x.bin");
        assertThat(buckets.versionsOf("work", "logs/a.log")).hasSize(1);
    }

    @Test
    void credentialsThatMayNotListUploadsStillListTheObjectsWithANote() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.getUri())) {
            proxy.setPolicy(Fault.always(r -> r.hasQueryParameter("uploads") && r.method().equals("GET"),
                    Fault.status(403, "AccessDenied", "Access Denied")));

            open(TestBuckets.settings(proxy.uri()), "logs/");

            assertThat(model.browser().rows()).extracting(ListingEntry::key)
                    .containsExactly("logs/a.log");
            assertThat(model.browser().statusProperty().get()).startsWith("0 folders, 1 object · incomplete uploads"
                    + " not listed (AccessDenied");
            assertThat(dialogs.failures).isEmpty();
        }
    }

    @Test
    void restoreThisVersionFromTheBrowserIsARowOfTheResultsTableAndTheOldContentIsCurrent() {
        String good = buckets.put("work", "page.html", "good");
        buckets.put("work", "page.html", "bad");
        open(TestBuckets.settings(server.getUri()), "");
        model.browser().showVersionsProperty().set(true);
        ObjectVersion older = model.browser().rows().stream().filter(ObjectVersion.class::isInstance)
                .map(ObjectVersion.class::cast).filter(v -> good.equals(v.versionId())).findFirst().orElseThrow();
        model.browser().selection().setAll(older);

        model.browser().restoreSelected();

        assertThat(seed.client().getObjectAsBytes(b -> b.bucket("work").key("page.html")).asUtf8String())
                .isEqualTo("good");
        assertThat(model.results().results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeleteOutcome.RESTORED);
            assertThat(r.versionId()).isEqualTo(good);
            assertThat(r.errorMessage()).startsWith("Restored: new version ").endsWith(" from version " + good + ".");
        });
        assertThat(model.results().canRetryProperty().get()).isFalse();
    }

    private List<MultipartUpload> uploadsOnServer() {
        return seed.client().listMultipartUploads(b -> b.bucket("work")).uploads();
    }
}
