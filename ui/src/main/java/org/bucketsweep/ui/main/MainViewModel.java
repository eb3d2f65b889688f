package org.bucketsweep.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.bucket.BucketRemover;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.delete.BatchDeleter;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.model.delete.VersionRef;
import org.bucketsweep.model.journal.JournalEntry;
import org.bucketsweep.model.plan.DeleteIntent;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.restore.VersionRestorer;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.model.usage.UsageScan;
import org.bucketsweep.ui.browser.ObjectBrowserViewModel;
import org.bucketsweep.ui.buckets.BucketListViewModel;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.connect.Connections;
import org.bucketsweep.ui.delete.BucketRemovalWorkflow;
import org.bucketsweep.ui.restore.RestoreWorkflow;
import org.bucketsweep.ui.delete.DeleteWorkflow;
import org.bucketsweep.ui.lifecycle.LifecycleDialogViewModel;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.jobs.JobNotice;
import org.bucketsweep.ui.jobs.JobsViewModel;
import org.bucketsweep.ui.results.ResultsViewModel;
import org.bucketsweep.ui.uploads.UploadsViewModel;
import org.bucketsweep.ui.usage.UsageViewModel;

/** The main window: the connection, and the bucket list, browser and results that depend on it. */
public final class MainViewModel implements AutoCloseable {

    /** Starts the demo sandbox (blocking, off the UI thread) and says how to reach it. */
    public interface DemoSandboxStarter extends Callable<ConnectionSettings> {
    }

    private final TaskRunner tasks;
    private final Connections connections;
    private final DialogService dialogs;
    private final DemoSandboxStarter demoSandbox;
    private final Consumer<ConnectionSettings> onConnected;
    private final BucketListViewModel buckets;
    private final ObjectBrowserViewModel browser;
    private final ResultsViewModel results;
    private final JobsViewModel jobs;
    private final UploadsViewModel uploads;
    private final DeleteWorkflow deleteWorkflow;
    private final BucketRemovalWorkflow bucketRemoval;
    private final UsageViewModel usage;
    private final ReadOnlyObjectWrapper<ConnectionSettings> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("BucketSweep");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ObservableMap<String, Double> columnWidths = FXCollections.observableHashMap();
    private final UnfinishedJobs unfinished;
    private final BrowserJumps jumps;
    private final BooleanBinding canDelete;
    private S3Connection open;
    private BatchDeleter deleter;
    private DeletePlanner planner;

    /** With this user's AWS profiles and no saved connections. */
    public MainViewModel(TaskRunner tasks, DialogService dialogs, DemoSandboxStarter demoSandbox,
                         Consumer<ConnectionSettings> onConnected, Path journalDir) {
        this(tasks, dialogs, demoSandbox, onConnected, journalDir, Connections.profilesOnly(tasks, dialogs));
    }

    /**
     * @param journalDir  where delete jobs keep their journals; {@code null} keeps none
     * @param connections the profiles and saved connections to offer, and how to open one
     */
    public MainViewModel(TaskRunner tasks, DialogService dialogs, DemoSandboxStarter demoSandbox,
                         Consumer<ConnectionSettings> onConnected, Path journalDir, Connections connections) {
        this.tasks = tasks;
        this.connections = connections;
        this.results = new ResultsViewModel(tasks, dialogs);
        this.dialogs = dialogs;
        this.demoSandbox = demoSandbox;
        this.onConnected = onConnected;
        this.buckets = new BucketListViewModel(tasks, dialogs);
        this.browser = new ObjectBrowserViewModel(tasks, dialogs);
        this.jobs = new JobsViewModel(tasks, journalDir);
        this.uploads = new UploadsViewModel(tasks, dialogs);
        this.deleteWorkflow = new DeleteWorkflow(tasks, dialogs, results, jobs, journalDir);
        this.bucketRemoval = new BucketRemovalWorkflow(tasks, dialogs, deleteWorkflow);
        this.jumps = new BrowserJumps(dialogs, buckets, browser, results);
        this.unfinished = new UnfinishedJobs(tasks, dialogs, results, jobs, deleteWorkflow, journalDir);
        buckets.setOnEmptyAndDelete(this::emptyAndDeleteBucket);
        RestoreWorkflow restore = new RestoreWorkflow(tasks, dialogs, results);
        browser.setOnRestore(version -> {
            BucketSummary shown = browser.bucketProperty().get();
            if (open != null && shown != null) {
                restore.start(new VersionRestorer(open), shown.name(), version, browser::refresh);
            }
        });
        // Upload rows in the browser are aborted by the uploads panel, which then shows their outcomes.
        browser.uploads().setOnAbort(chosen -> uploads.abortFromBrowser(browser.bucketProperty().get().name(), chosen,
                browser::refresh));
        this.usage = new UsageViewModel(tasks, dialogs);
        usage.setOnBrowse(folder -> jumps.toFolder(usage.reportProperty().get().bucket(), folder));
        deleteWorkflow.setOnLifecycleRule((bucket, rule) -> showLifecycle(bucket.name(), rule));
        buckets.setOnShowLifecycle(bucket -> showLifecycle(bucket.name(), null));
        results.setOnRetry(this::retryFailed);
        results.setOnShowInBrowser(this::showInBrowser);
        jobs.setOnOpen(row -> {
            if (!results.runningProperty().get()) {
                unfinished.review(row.journalProperty().get());
            }
        });
        canDelete = Bindings.createBooleanBinding(
                () -> browser.bucketProperty().get() != null && !results.runningProperty().get(),
                browser.bucketProperty(), results.runningProperty());
        // The uploads panel follows the browser's folder; it lists only while it is shown.
        browser.prefixProperty().addListener((obs, was, now) -> followBrowser());
        browser.bucketProperty().addListener((obs, was, now) -> followBrowser());
        buckets.selectedProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || !was.name().equals(now.name())) {
                browser.open(now);
            }
        });
    }

    /** Opens a connection in the background and lists its buckets. */
    public void connect(ConnectionSettings settings) {
        connecting.set(true);
        tasks.run("connect " + settings.name(), () -> connections.open(settings), opened -> {
            connecting.set(false);
            closeConnection();
            open = opened;
            deleter = new BatchDeleter(opened);
            BucketBrowser bucketBrowser = new BucketBrowser(opened);
            planner = new DeletePlanner(bucketBrowser);
            connection.set(settings);
            title.set("BucketSweep — " + settings.name() + " (" + endpoint() + ")");
            browser.uploads().connect(new MultipartUploads(opened));
            browser.connect(bucketBrowser);
            buckets.connect(bucketBrowser);
            uploads.connect(new MultipartUploads(opened));
            followBrowser();
            usage.connect(new UsageScan(opened));
            onConnected.accept(settings);
        }, error -> {
            connecting.set(false);
            dialogs.showFailure("Could not connect to " + settings.name(), S3Failure.of(error), error);
        });
    }

    private void followBrowser() {
        BucketSummary open = browser.bucketProperty().get();
        uploads.show(open == null ? null : open.name(), browser.prefixProperty().get());
    }

    /** Starts the local demo server with sample buckets, then connects to it. */
    public void openDemoSandbox() {
        connecting.set(true);
        tasks.run("start demo sandbox", demoSandbox, this::connect, error -> {
            connecting.set(false);
            dialogs.showFailure("The demo sandbox did not start", S3Failure.of(error), error);
        });
    }

    /** Asks where to connect, starting from the current connection. */
    public void chooseConnection() {
        dialogs.askConnection(connections.form(connection.get())).ifPresent(this::connect);
    }

    /** Opens the delete dialog on the browser's selection, or on its current folder when nothing is selected. */
    public void deleteSelected() {
        if (deleter == null || browser.bucketProperty().get() == null
                || browser.uploads().abortInstead(List.copyOf(browser.selection()))) {
            return;
        }
        // With a name prefix, "everything under this folder" means what the browser lists: the keys starting with it.
        deleteWorkflow.start(deleter, planner, endpoint(), openBucket(),
                browser.prefixProperty().get() + browser.namePrefixProperty().get(), browser.selectedObjects(), browser::refresh);
    }

    /** The lifecycle dialog of {@code bucket}, starting from {@code rule} ({@code null}: list and remove). */
    public void showLifecycle(String bucket, SweepRule rule) {
        if (open == null) {
            return;
        }
        dialogs.showLifecycle(new LifecycleDialogViewModel(tasks, new BucketLifecycle(open), bucket, rule));
    }

    /**
     * Empties a bucket (after listing it and the typed name) and deletes it, then lists the buckets again. Not while
     * another delete runs.
     */
    public void emptyAndDeleteBucket(BucketSummary bucket) {
        if (open == null || bucket == null || results.runningProperty().get()) {
            return;
        }
        BucketRemovalWorkflow.Services services = new BucketRemovalWorkflow.Services(deleter, planner,
                new MultipartUploads(open), new BucketRemover(open), endpoint());
        bucketRemoval.start(services, bucket, deleted -> {
            if (deleted) {
                jobs.announce(new JobNotice("Deleted bucket " + bucket.name(), "Every version, delete marker and"
                        + " incomplete upload was deleted first.", false));
                BucketSummary shown = browser.bucketProperty().get();
                if (shown != null && shown.name().equals(bucket.name())) {
                    browser.open(null);
                }
            }
            buckets.refresh();
        });
    }

    /**
     * The bucket open in the browser, with the latest statuses: they arrive after the names, and the browser keeps
     * the summary it was opened with.
     */
    private BucketSummary openBucket() {
        BucketSummary shown = browser.bucketProperty().get();
        BucketSummary listed = buckets.selectedProperty().get();
        return shown != null && listed != null && listed.name().equals(shown.name()) ? listed : shown;
    }

    /**
     * Offers the failed and not-attempted items of the last job as a new delete: looked up again (so the preview
     * is exact), then shown in the delete dialog for confirmation.
     */
    public void retryFailed() {
        List<VersionRef> items = results.retryItems();
        BucketSummary bucket = openBucket();
        if (items.isEmpty() || deleter == null || bucket == null || results.runningProperty().get()) {
            return;
        }
        DeletePlanner currentPlanner = planner;
        BatchDeleter currentDeleter = deleter;
        String endpoint = endpoint();
        tasks.run("plan retry", () -> currentPlanner.plan(bucket.name(), bucket.versioningOrUnknown().versioning(),
                new DeleteIntent.DeleteVersions(items), new CancellationToken()).rows(), rows ->
                deleteWorkflow.start(currentDeleter, currentPlanner, endpoint, bucket,
                        browser.prefixProperty().get(), rows, browser::refresh),
                error -> dialogs.showFailure("Could not plan the retry", S3Failure.of(error), error));
    }

    /** "Where's the space?": scans the bucket open in the browser, under the folder it shows. */
    public void whereIsTheSpace() {
        BucketSummary open = browser.bucketProperty().get();
        if (open != null) {
            usage.scan(open.name(), browser.prefixProperty().get(), UsageScan.DEFAULT_DEPTH);
        }
    }

    /**
     * Shows a result's key in the browser: its folder, filtered on its name, with versions when the row names one.
     * Only in the bucket open in the browser.
     */
    public void showInBrowser(ItemResult row) {
        jumps.toResult(row);
    }

    /**
     * Looks for jobs whose journal has no end record (the app or the machine stopped mid-job), and lists the past
     * jobs in the jobs panel.
     */
    public void checkUnfinishedJobs() {
        unfinished.check();
    }

    /** Shows an unfinished job's recorded outcomes in the results table. */
    public void reviewJob(JournalEntry job) {
        unfinished.review(job.path());
    }

    /** Offers what an unfinished job did not confirm as a new delete, on the same endpoint and bucket. */
    public void resumeJob(JournalEntry job) {
        unfinished.resume(job, new UnfinishedJobs.Session(endpoint(), planner, deleter), buckets.buckets(),
                browser::refresh);
    }

    /** Marks an unfinished job as dealt with, without sending anything. */
    public void dismissJob(JournalEntry job) {
        unfinished.dismiss(job);
    }

    /** Jobs that stopped before their end, oldest last. */
    public ObservableList<JournalEntry> unfinishedJobs() {
        return unfinished.list();
    }

    /** F5: lists the buckets and the current folder again. */
    public void refresh() {
        buckets.refresh();
        browser.refresh();
        if (uploads.shownProperty().get()) {
            uploads.refresh();
        }
    }

    /** A bucket is open and no delete is running (without a selection the dialog works on the folder). */
    public BooleanBinding canDelete() {
        return canDelete;
    }

    @Override
    public void close() {
        closeConnection();
    }

    /**
     * Where the open connection sends requests, as the journals record it; {@code null} when none is open. For a
     * profile these are the profile's endpoint and region, which the settings asked for leave open.
     */
    private String endpoint() {
        return open == null ? null : open.settings().describeEndpoint();
    }

    private void closeConnection() {
        if (open != null) {
            open.close();
            open = null;
            deleter = null;
            planner = null;
        }
    }

    public BucketListViewModel buckets() {
        return buckets;
    }

    public ObjectBrowserViewModel browser() {
        return browser;
    }

    public ResultsViewModel results() {
        return results;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    /** The incomplete multipart uploads under the browser's folder. */
    public UploadsViewModel uploads() {
        return uploads;
    }

    public UsageViewModel usage() {
        return usage;
    }

    public ReadOnlyObjectProperty<ConnectionSettings> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** The person's choice of the dark theme; remembered between runs. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Column widths by "table.column", as the person left them; remembered between runs. */
    public ObservableMap<String, Double> columnWidths() {
        return columnWidths;
    }

    /** The window title: "BucketSweep — connection (endpoint)". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
