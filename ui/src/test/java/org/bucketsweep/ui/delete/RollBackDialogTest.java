package org.bucketsweep.ui.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.delete.DeleteDialogViewModel.Intent;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delete dialog's "Roll back: as it was at a date", without a window, on a real server read afterwards. */
class RollBackDialogTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    private final FakeDialogs dialogs = new FakeDialogs();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ResultsViewModel results = new ResultsViewModel(tasks, dialogs);
    private S3Connection connection;
    private TestBuckets buckets;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        buckets.versionedBucket("site");
    }

    @Test
    void theFolderIsAsItWasAtTheChosenTime() throws InterruptedException {
        String good = buckets.put("site", "www/index.html", "good");
        // The next whole second in this computer's zone (the time field takes HH:mm or HH:mm:ss); servers keep
        // whole seconds, so everything written after the sleep is newer.
        LocalDateTime asOfTime = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant asOf = asOfTime.atZone(ZoneId.systemDefault()).toInstant();
        Thread.sleep(Math.max(0, asOf.toEpochMilli() - System.currentTimeMillis()) + 1_100);
        buckets.put("site", "www/index.html", "broken");
        buckets.put("site", "www/new.txt", "created after");
        dialogs.fillIn = model -> {
            model.intentProperty().set(Intent.ROLL_BACK);
            model.rollBackDateProperty().set(asOfTime.toLocalDate());
            model.rollBackTimeProperty().set(asOfTime.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        };

        start("www/");

        DeleteDialogViewModel dialog = dialogs.deleteDialogs.get(0);
        assertThat(dialog.planProperty().get().warnings())
                .contains("1 key was created after that date and will be gone entirely.");
        assertThat(buckets.versionsOf("site", "www/index.html")).containsExactly(good);
        assertThat(buckets.currentKeys("site")).containsExactly("www/index.html");
    }

    @Test
    void aTimeThatIsNotATimeIsSaidAndNothingIsPlanned() {
        buckets.put("site", "www/index.html", "good");
        dialogs.confirm = false;
        dialogs.fillIn = model -> {
            model.intentProperty().set(Intent.ROLL_BACK);
            model.rollBackDateProperty().set(LocalDate.now());
            model.rollBackTimeProperty().set("noon");
        };

        start("www/");

        DeleteDialogViewModel dialog = dialogs.deleteDialogs.get(0);
        assertThat(dialog.problemProperty().get()).contains("like 14:30");
        assertThat(dialog.planProperty().get()).isNull();
    }

    private void start(String prefix) {
        BucketBrowser browser = new BucketBrowser(connection);
        BucketSummary bucket = BucketSummary.named("site", null).withStatus(browser.versioningOf("site"), null);
        new DeleteWorkflow(tasks, dialogs, results, new JobsViewModel(tasks, null), null).start(
                new BatchDeleter(connection), new DeletePlanner(browser), "test", bucket, prefix, List.of(), () -> { });
    }
}
