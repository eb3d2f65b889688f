package org.bucketsweep.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.connection.SecretStore;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.journal.JobHeader;
import org.bucketsweep.model.journal.JobJournal;
import org.bucketsweep.model.journal.JournalReader;
import org.bucketsweep.model.testing.AwsConfigFiles;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.ui.connect.Connections;
import org.bucketsweep.ui.connect.SavedConnections;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A job that stopped mid-way is found at start, reviewed, resumed with a confirmation, and settled. */
class UnfinishedJobTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path journals;

    @TempDir
    Path home;

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel model;
    private S3Connection seed;
    private TestBuckets buckets;
    private String v1;
    private String v2;

    @BeforeEach
    void crashedJob() {
        ConnectionSettings settings = TestBuckets.settings(server.getUri());
        seed = S3Connection.open(settings);
        buckets = new TestBuckets(seed.client());
        buckets.versionedBucket("crashed");
        v1 = buckets.put("crashed", "a", "1");
        v2 = buckets.put("crashed", "b", "1");
        buckets.put("crashed", "a", "2");
        buckets.put("crashed", "b", "2");
        // A job of two versions that recorded one outcome before the app died: 'a' was deleted, 'b' never sent.
        seed.client().deleteObject(r -> r.bucket("crashed").key("a").versionId(v1));
        List<VersionRef> plan = List.of(new VersionRef("a", v1), new VersionRef("b", v2));
        DeleteJob job = DeleteJob.of("crashed", plan, false);
        JobJournal journal = JobJournal.create(journals,
                JobHeader.start(job, settings.describeEndpoint(), "delete 2 versions", Map.of("versions", 2)), plan);
        journal.onRequest(1, 1, List.of(plan.get(0)));
        journal.onResults(List.of(new ItemResult(plan.get(0), DeleteOutcome.DELETED, null, null, null, "r1", 1)));
        journal.close();

        model = new MainViewModel(new DirectTaskRunner(), dialogs, () -> settings, s -> { }, journals);
        model.connect(settings);
    }

    @AfterEach
    void close() {
        model.close();
        seed.close();
    }

    @Test
    void anUnfinishedJobIsFoundReviewedAndResumedWithoutResendingWhatWasConfirmed() {
        model.checkUnfinishedJobs();
        assertThat(model.unfinishedJobs()).singleElement()
                .satisfies(job -> assertThat(job.header().bucket()).isEqualTo("crashed"));

        model.reviewJob(model.unfinishedJobs().get(0));
        assertThat(model.results().results()).extracting(ItemResult::key).containsExactly("a");

        model.resumeJob(model.unfinishedJobs().get(0));

        assertThat(dialogs.deleteDialogs).singleElement().satisfies(d ->
                assertThat(d.planProperty().get().items()).containsExactly(new VersionRef("b", v2)));
        assertThat(model.results().results()).extracting(ItemResult::item, ItemResult::outcome)
                .containsExactly(tuple(new VersionRef("b", v2), DeleteOutcome.DELETED));
        assertThat(buckets.versionsOf("crashed", "b")).doesNotContain(v2);
        assertThat(model.unfinishedJobs()).isEmpty();
        assertThat(JournalReader.unfinished(journals)).isEmpty();
    }

    @Test
    void dismissingSettlesTheJournalWithoutSendingAnything() {
        model.checkUnfinishedJobs();

        model.dismissJob(model.unfinishedJobs().get(0));

        assertThat(JournalReader.unfinished(journals)).isEmpty();
        assertThat(buckets.versionsOf("crashed", "b")).contains(v2);
    }

    @Test
    void aJobIsResumedThroughAProfileWhoseFilesNameTheEndpoint() throws IOException {
        model.close();
        AwsProfiles profiles = AwsConfigFiles.write(home, """
                [profile lab]
                endpoint_url = %s
                s3 =
                  addressing_style = path
                """.formatted(server.getUri()), """
                [lab]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY)).profiles(null);
        DirectTaskRunner tasks = new DirectTaskRunner();
        model = new MainViewModel(tasks, dialogs, () -> null, s -> { }, journals, new Connections(tasks, dialogs,
                profiles, SavedConnections.inMemory(), SecretStore.none("not in this test")));

        model.connect(new ConnectionSettings("lab", null, null, false, new CredentialsSource.Profile("lab")));
        model.checkUnfinishedJobs();
        model.resumeJob(model.unfinishedJobs().get(0));

        assertThat(model.titleProperty().get()).as("where requests go").contains(server.getUri().toString());
        assertThat(dialogs.failures).as("the job's endpoint is the profile's").isEmpty();
        assertThat(dialogs.deleteDialogs).singleElement().satisfies(d ->
                assertThat(d.planProperty().get().items()).containsExactly(new VersionRef("b", v2)));
    }
}
