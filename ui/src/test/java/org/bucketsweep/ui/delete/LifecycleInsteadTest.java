package org.bucketsweep.ui.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.BucketVersioning;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.testing.S3ProxyConnection;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.delete.DeleteDialogViewModel.Intent;
import org.bucketsweep.ui.delete.DeleteDialogViewModel.Target;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** "Create a lifecycle rule instead" in the delete dialog: which intents map to a rule, and nothing is deleted. */
class LifecycleInsteadTest {

    @RegisterExtension
    final S3ProxyConnection server = new S3ProxyConnection();

    @TempDir
    Path journals;

    private final FakeDialogs dialogs = new FakeDialogs();
    private S3Connection connection;
    private TestBuckets buckets;

    @BeforeEach
    void connect() {
        connection = server.connection();
        buckets = server.buckets();
        buckets.versionedBucket("vers");
    }

    @Test
    void noncurrentVersionsUnderAFolderMapToARuleCountedInDaysFromToday() {
        DeleteDialogViewModel model = dialog("backups/");
        assertThat(model.intentProperty().get()).isEqualTo(Intent.NONCURRENT);
        model.keepNewestProperty().set(null);
        assertThat(model.lifecycleRule()).as("every noncurrent version: a day after it became noncurrent")
                .contains(new SweepRule("backups/", 1, null, false, null));

        model.keepNewestProperty().set(3);
        assertThat(model.lifecycleRule()).contains(new SweepRule("backups/", 1, 3, false, null));
        model.noncurrentBeforeProperty().set(LocalDate.now().minusDays(45));
        assertThat(model.lifecycleRule()).contains(new SweepRule("backups/", 45, 3, false, null));
        assertThat(model.lifecycleAvailableProperty().get()).isTrue();

        model.intentProperty().set(Intent.ALL_VERSIONS);
        assertThat(model.lifecycleAvailableProperty().get()).isFalse();
        model.intentProperty().set(Intent.NONCURRENT);
        model.targetProperty().set(Target.SELECTED_KEYS);
        assertThat(model.lifecycleRule()).as("a rule applies to a prefix, not to chosen keys").isEmpty();
    }

    @Test
    void choosingTheRuleOpensTheLifecycleDialogAndDeletesNothing() {
        String old = buckets.put("vers", "backups/a", "old");
        buckets.put("vers", "backups/a", "new");
        List<String> opened = new ArrayList<>();
        DeleteWorkflow workflow = new DeleteWorkflow(new DirectTaskRunner(), dialogs,
                new ResultsViewModel(new DirectTaskRunner(), dialogs), new JobsViewModel(new DirectTaskRunner(), journals),
                null);
        workflow.setOnLifecycleRule((bucket, rule) -> opened.add(bucket.name() + " " + rule.id()));
        dialogs.confirm = false;
        dialogs.fillIn = DeleteDialogViewModel::requestLifecycleRule;

        boolean started = workflow.start(new BatchDeleter(connection), new DeletePlanner(new BucketBrowser(connection)),
                "test", bucket(), "backups/", List.of(), () -> { });

        assertThat(started).isFalse();
        assertThat(opened).containsExactly("vers bucketsweep-backups/");
        assertThat(buckets.versionsOf("vers", "backups/a")).contains(old);
    }

    private DeleteDialogViewModel dialog(String prefix) {
        return new DeleteDialogViewModel(new DirectTaskRunner(), new DeletePlanner(new BucketBrowser(connection)),
                bucket(), prefix, List.of());
    }

    private static BucketSummary bucket() {
        return new BucketSummary("vers", null, new BucketVersioning(VersioningStatus.ENABLED, MfaDeleteStatus.DISABLED));
    }
}
