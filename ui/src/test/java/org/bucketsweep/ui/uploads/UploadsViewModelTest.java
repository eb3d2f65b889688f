package org.bucketsweep.ui.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.model.uploads.AbortOutcome;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The uploads panel's logic without a window, against a real server that is read afterwards. */
class UploadsViewModelTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private final FakeDialogs dialogs = new FakeDialogs();
    private S3Connection connection;
    private S3Client s3;
    private UploadsViewModel model;

    @BeforeEach
    void connect() {
        connection = server.connection();
        s3 = connection.client();
        new TestBuckets(s3).versionedBucket("media");
        model = viewModel(Clock.systemUTC());
    }

    private UploadsViewModel viewModel(Clock clock) {
        UploadsViewModel vm = new UploadsViewModel(new DirectTaskRunner(), dialogs, clock);
        vm.connect(new MultipartUploads(connection));
        return vm;
    }

    @Test
    void listsNothingUntilShownThenTheUploadsUnderTheFolderWithTheirBytes() {
        start("videos/raw.mp4", 1000, 24);
        start("videos/é &<>.mov", 10);
        start("other.bin", 5);

        model.show("media", "videos/");
        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("Not listed yet.");

        model.shownProperty().set(true);

        assertThat(model.rows()).extracting(r -> r.upload().key() + " " + r.upload().bytes())
                .containsExactlyInAnyOrder("videos/raw.mp4 1024", "videos/é &<>.mov 10");
        assertThat(model.statusProperty().get()).isEqualTo("2 uploads holding 1.0 KiB");
    }

    @Test
    void anEmptyFolderSaysSo() {
        model.shownProperty().set(true);
        model.show("media", "nothing/");

        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyTextProperty().get()).startsWith("No incomplete multipart uploads under media/nothing/");
    }

    @Test
    void abortsOnlyTheConfirmedSelectionAndShowsAnOutcomePerRow() {
        start("a.bin", 7);
        start("b.bin", 8);
        String keep = start("c.bin", 9);
        model.shownProperty().set(true);
        model.show("media", "");
        model.selection().setAll(model.rows().stream().filter(r -> !r.upload().uploadId().equals(keep)).toList());

        model.abortSelected();

        assertThat(dialogs.confirmations).singleElement().satisfies(c -> {
            assertThat(c.header()).isEqualTo("Abort 2 uploads in media, holding 15 B of parts?");
            assertThat(c.action()).isEqualTo("Abort 2 uploads");
        });
        assertThat(model.rows()).extracting(r -> r.upload().key() + " " + r.outcomeText())
                .containsExactlyInAnyOrder("a.bin Aborted", "b.bin Aborted", "c.bin ");
        assertThat(model.statusProperty().get()).isEqualTo("2 aborted · 15 B no longer billed");
        assertThat(remaining()).extracting(MultipartUpload::uploadId).containsExactly(keep);
    }

    @Test
    void cancellingTheConfirmationAbortsNothing() {
        start("a.bin", 7);
        model.shownProperty().set(true);
        model.show("media", "");
        model.selection().setAll(model.rows());
        dialogs.confirm = false;

        model.abortSelected();

        assertThat(model.rows()).allSatisfy(r -> assertThat(r.result()).isNull());
        assertThat(remaining()).hasSize(1);
    }

    @Test
    void selectOlderThanPicksTheUploadsStartedBeforeThatManyDaysAgo() {
        start("a.bin", 1);
        start("b.bin", 1);
        // Ten days from now, both uploads are more than 7 days old; today neither is.
        UploadsViewModel later = viewModel(Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(10)));
        for (UploadsViewModel vm : List.of(model, later)) {
            vm.shownProperty().set(true);
            vm.show("media", "");
            vm.selectOlderThan();
        }

        assertThat(model.selectionToRestoreProperty().get()).isEmpty();
        assertThat(later.selectionToRestoreProperty().get()).hasSize(2);
        assertThat(later.statusProperty().get()).isEqualTo("2 of 2 uploads were started more than 7 days ago.");
    }

    @Test
    void aVanishedBucketGivesAFailedRowNotALostUpload() {
        start("a.bin", 1);
        model.shownProperty().set(true);
        model.show("media", "");
        model.selection().setAll(model.rows());
        new MultipartUploads(connection).abort("media", model.rows().get(0).upload());
        s3.deleteBucket(b -> b.bucket("media"));

        model.abortSelected();

        assertThat(model.rows()).singleElement().satisfies(r -> {
            assertThat(r.result().outcome()).isEqualTo(AbortOutcome.FAILED);
            assertThat(r.outcomeText()).startsWith("Failed: NoSuchBucket");
            assertThat(r.abortable()).isTrue();
        });
    }

    @Test
    void browsingElsewhereWhileAnAbortRunsNeverStopsItAndThatFolderIsListedAfter() {
        start("old/a.bin", 1);
        start("old/b.bin", 1);
        start("other/c.bin", 1);
        DirectTaskRunner direct = new DirectTaskRunner();
        UploadsViewModel[] vm = new UploadsViewModel[1];
        // The person clicks another folder in the browser just as the abort starts.
        TaskRunner browsingMeanwhile = new TaskRunner() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<Throwable> onFailure) {
                if (name.startsWith("abort")) {
                    vm[0].show("media", "other/");
                }
                direct.run(name, work, onSuccess, onFailure);
            }

            @Override
            public Executor ui() {
                return direct.ui();
            }
        };
        vm[0] = new UploadsViewModel(browsingMeanwhile, dialogs, Clock.systemUTC());
        vm[0].connect(new MultipartUploads(connection));
        vm[0].shownProperty().set(true);
        vm[0].show("media", "old/");
        vm[0].selection().setAll(vm[0].rows());

        vm[0].abortSelected();

        assertThat(remaining()).extracting(MultipartUpload::key).containsExactly("other/c.bin");
        assertThat(vm[0].rows()).extracting(r -> r.upload().key()).containsExactly("other/c.bin");
    }

    private List<MultipartUpload> remaining() {
        return new MultipartUploads(connection).listAll("media", "", new CancellationToken());
    }

    private String start(String key, int... partSizes) {
        return new TestBuckets(s3).startUpload("media", key, partSizes);
    }
}
