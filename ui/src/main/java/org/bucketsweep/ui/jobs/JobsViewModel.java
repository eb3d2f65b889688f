package org.bucketsweep.ui.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.delete.DeleteSummary;
import org.bucketsweep.model.delete.JobProgress;
import org.bucketsweep.model.journal.JobHeader;
import org.bucketsweep.model.journal.JournalEntry;
import org.bucketsweep.model.journal.JournalReader;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs panel: the jobs of this session as they run, and the past jobs their journals tell of, newest first.
 * All methods run on the UI thread.
 */
public final class JobsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(JobsViewModel.class);

    private final TaskRunner tasks;
    private final Path journalDir;
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<JobNotice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper();
    private final StringBinding activeText = Bindings.createStringBinding(() -> switch (active.get()) {
        case 0 -> "";
        case 1 -> "1 job running";
        default -> active.get() + " jobs running";
    }, active);
    private final ReadOnlyBooleanWrapper canOpenSelected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCancelSelected = new ReadOnlyBooleanWrapper();
    private final InvalidationListener selectedChanged = x -> updateSelectedActions();
    private Consumer<JobRow> onOpen = row -> { };

    /** @param journalDir where jobs keep their journals; {@code null} for none (no history) */
    public JobsViewModel(TaskRunner tasks, Path journalDir) {
        this.tasks = tasks;
        this.journalDir = journalDir;
        // The selected job's actions follow the job itself: it ends, or its journal appears, while selected.
        selected.addListener((obs, was, now) -> {
            if (was != null) {
                was.stateProperty().removeListener(selectedChanged);
                was.journalProperty().removeListener(selectedChanged);
            }
            if (now != null) {
                now.stateProperty().addListener(selectedChanged);
                now.journalProperty().addListener(selectedChanged);
            }
            updateSelectedActions();
        });
    }

    private void updateSelectedActions() {
        JobRow row = selected.get();
        canOpenSelected.set(row != null && canOpen(row));
        canCancelSelected.set(row != null && row.stateProperty().get() == JobRow.State.RUNNING);
    }

    private static boolean canOpen(JobRow row) {
        return row.journalProperty().get() != null && !row.stateProperty().get().active();
    }

    /** A job starts now: it goes to the top of the list. */
    public JobRow started(JobHeader header, JobProgress progress, CancellationToken cancel) {
        JobRow row = JobRow.running(header, progress, cancel);
        jobs.add(0, row);
        countActive();
        return row;
    }

    /** The job's journal exists now, so its results can be opened later. */
    public void journaled(JobRow row, Path file) {
        row.journaled(file);
    }

    /** Reads the running jobs' progress: the view calls it a few times a second, the job on each batch. */
    public void tick() {
        for (JobRow row : jobs) {
            if (row.stateProperty().get().active()) {
                row.update();
            }
        }
    }

    /** The job ended with an outcome for each item. */
    public void finished(JobRow row, DeleteSummary summary) {
        boolean problems = !summary.allSucceeded();
        row.end(problems ? JobRow.State.PROBLEMS : JobRow.State.DONE);
        countActive();
        String text = row.outcomesTextProperty().get() + " — in " + row.elapsedTextProperty().get() + ".";
        notice.set(new JobNotice(
                (problems ? "Finished with problems: " : "Done: ") + row.intent() + " in " + row.bucket(),
                problems ? text + " Open the results to see why and retry." : text,
                problems));
    }

    /** The job stopped before every item had an outcome (the engine itself failed). */
    public void stopped(JobRow row, S3Failure failure) {
        row.end(JobRow.State.STOPPED);
        countActive();
        notice.set(new JobNotice("Stopped: " + row.intent() + " in " + row.bucket(), failure.summary(), true));
    }

    /** Stops the job after the requests in flight. */
    public void cancel(JobRow row) {
        if (row != null) {
            row.cancel();
        }
    }

    /** Shows the job's results in the results table (from its journal). */
    public void open(JobRow row) {
        if (row != null && canOpen(row)) {
            onOpen.accept(row);
        }
    }

    public void setOnOpen(Consumer<JobRow> action) {
        this.onOpen = action;
    }

    /** Reads the past jobs from the journal directory in the background and adds those not listed yet. */
    public void loadHistory() {
        if (journalDir == null) {
            return;
        }
        tasks.run("read job history", () -> JournalReader.list(journalDir), this::addHistory,
                error -> LOG.warn("Could not read the job history in {}: {}", journalDir, error.getMessage()));
    }

    private void addHistory(List<JournalEntry> entries) {
        Set<String> known = jobs.stream().map(JobRow::jobId).collect(Collectors.toSet());
        List<JobRow> past = entries.stream()
                .filter(e -> !known.contains(e.header().jobId()))
                .map(JobRow::fromJournal)
                .toList();
        jobs.addAll(past);
        FXCollections.sort(jobs, (a, b) -> b.started().compareTo(a.started()));
    }

    private void countActive() {
        active.set((int) jobs.stream().filter(j -> j.stateProperty().get().active()).count());
    }

    /** Every job, newest first. */
    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    public ObjectProperty<JobRow> selectedProperty() {
        return selected;
    }

    /** Whether the selected job's results can be opened: it has ended and has a journal. */
    public ReadOnlyBooleanProperty canOpenSelectedProperty() {
        return canOpenSelected.getReadOnlyProperty();
    }

    /** Whether the selected job can be cancelled: it is running and no cancel was asked yet. */
    public ReadOnlyBooleanProperty canCancelSelectedProperty() {
        return canCancelSelected.getReadOnlyProperty();
    }

    /** The last job that ended, for a notification; {@code null} until one has. */
    /** A notice about work that is not a delete job (a bucket deleted after it was emptied). */
    public void announce(JobNotice news) {
        notice.set(news);
    }

    public ReadOnlyObjectProperty<JobNotice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** How many jobs are running or cancelling. */
    public ReadOnlyIntegerProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** "1 job running" for the status bar, or empty. */
    public StringBinding activeTextProperty() {
        return activeText;
    }
}
