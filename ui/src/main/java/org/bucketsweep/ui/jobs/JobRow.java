package org.bucketsweep.ui.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.DeleteOutcome;
import org.bucketsweep.model.delete.JobProgress;
import org.bucketsweep.model.journal.JobHeader;
import org.bucketsweep.model.journal.JournalEntry;
import org.bucketsweep.ui.format.Durations;
import org.bucketsweep.ui.format.OutcomeCounts;

/**
 * One delete job in the jobs panel: a job running now (followed through its {@link JobProgress}) or a past one read
 * from its journal. A handful per session, so each has its own properties.
 */
public final class JobRow {

    /** Where a job stands. */
    public enum State {
        RUNNING("Running"),
        CANCELLING("Cancelling…"),
        DONE("Done"),
        PROBLEMS("Finished with problems"),
        STOPPED("Stopped"),
        UNFINISHED("Did not finish");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean active() {
            return this == RUNNING || this == CANCELLING;
        }
    }

    private final JobHeader header;
    private final JobProgress progress;
    private final CancellationToken cancel;
    private final ReadOnlyObjectWrapper<Path> journal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper doneText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper remainingText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyIntegerWrapper inFlight = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper limit = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper inFlightText = new ReadOnlyStringWrapper("–");

    private JobRow(JobHeader header, JobProgress progress, CancellationToken cancel, State state) {
        this.header = header;
        this.progress = progress;
        this.cancel = cancel;
        this.state.set(state);
    }

    /** A job that starts now. */
    static JobRow running(JobHeader header, JobProgress progress, CancellationToken cancel) {
        JobRow row = new JobRow(header, progress, cancel, State.RUNNING);
        row.update();
        return row;
    }

    /** A past job, as its journal tells it. */
    static JobRow fromJournal(JournalEntry entry) {
        boolean problems = entry.count(DeleteOutcome.FAILED) + entry.count(DeleteOutcome.NOT_ATTEMPTED) > 0;
        JobRow row = new JobRow(entry.header(), null, null,
                !entry.finished() ? State.UNFINISHED : problems ? State.PROBLEMS : State.DONE);
        row.journal.set(entry.path());
        row.show(entry.recorded(), entry.header().plannedItems(), entry.counts());
        return row;
    }

    /** Reads the running job's progress; on the UI thread. */
    void update() {
        if (progress == null) {
            return;
        }
        JobProgress.Snapshot now = progress.snapshot();
        show(now.done(), now.total(), now.counts());
        inFlight.set(now.inFlight());
        limit.set(now.limit());
        elapsedText.set(Durations.human(now.elapsed()));
        speedText.set(Durations.rate(now.itemsPerSecond()));
        if (state.get().active()) {
            remainingText.set(now.remaining().map(Durations::human).orElse("–"));
            inFlightText.set(now.limit() > 0 ? now.limit() + " in flight" : "–");
            if (state.get() == State.RUNNING && cancel != null && cancel.isCancelled()) {
                state.set(State.CANCELLING);
            }
        } else {
            remainingText.set("–");
            inFlightText.set("–");
        }
    }

    private void show(int done, int total, Map<DeleteOutcome, Integer> counts) {
        fraction.set(total == 0 ? 1 : Math.min(1, (double) done / total));
        doneText.set(String.format("%,d of %,d", done, total));
        outcomesText.set(OutcomeCounts.text(counts));
    }

    /** The job ended: its clock stops and the row shows the final counts. */
    void end(State finalState) {
        if (progress != null) {
            progress.finish();
        }
        state.set(finalState);
        inFlight.set(0);
        update();
    }

    void journaled(Path file) {
        journal.set(file);
    }

    /** Stops sending after the requests in flight; the rest is reported as not attempted. */
    void cancel() {
        if (cancel != null && state.get() == State.RUNNING) {
            cancel.cancel();
            update();
        }
    }

    public String jobId() {
        return header.jobId();
    }

    public Instant started() {
        return header.started();
    }

    public String bucket() {
        return header.bucket();
    }

    public String intent() {
        return header.intent();
    }

    public String endpoint() {
        return header.endpoint();
    }

    /** Where the job's journal is; {@code null} while it is being created, or when jobs keep none. */
    public ReadOnlyObjectProperty<Path> journalProperty() {
        return journal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Items with an outcome, from 0 to 1. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "1,200 of 5,000". */
    public ReadOnlyStringProperty doneTextProperty() {
        return doneText.getReadOnlyProperty();
    }

    /** "Deleted: 1,197 · Failed: 3". */
    public ReadOnlyStringProperty outcomesTextProperty() {
        return outcomesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remainingTextProperty() {
        return remainingText.getReadOnlyProperty();
    }

    /**
     * The requests the job may have in flight now: what the person chose, or what the engine found the server
     * takes; 0 before the engine has said.
     */
    public ReadOnlyIntegerProperty limitProperty() {
        return limit.getReadOnlyProperty();
    }

    /** "8 in flight" while the job runs, the limit above; "–" otherwise. */
    public ReadOnlyStringProperty inFlightTextProperty() {
        return inFlightText.getReadOnlyProperty();
    }

    /** Requests sent and not answered yet. */
    public ReadOnlyIntegerProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }
}
