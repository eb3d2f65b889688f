package org.bucketsweep.ui.usage;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.usage.FolderUsage;
import org.bucketsweep.model.usage.UsageExport;
import org.bucketsweep.model.usage.UsageReport;
import org.bucketsweep.model.usage.UsageScan;
import org.bucketsweep.model.usage.UsageScanException;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.concurrent.UiBatcher;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.format.Sizes;

/**
 * The Space screen: where the space of a bucket or folder goes, one row per folder, from a background scan that
 * can be cancelled. A row can be opened in the object browser; the report can be exported.
 */
public final class UsageViewModel {

    private static final DateTimeFormatter EXPORT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableList<FolderUsage> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UsageReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final StringBinding emptyText;
    private UsageScan scan;
    private CancellationToken cancel;
    private Consumer<String> onBrowse = folder -> { };

    public UsageViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        emptyText = Bindings.createStringBinding(() -> running.get() ? "Scanning…"
                : report.get() == null ? "Choose a bucket, then Where's the space? to see which folders hold the"
                        + " bytes." : "Nothing here: no versions, delete markers or incomplete uploads.",
                running, report);
    }

    /** A new connection: forget the last report. */
    public void connect(UsageScan newScan) {
        cancel();
        scan = newScan;
        rows.clear();
        report.set(null);
        status.set("");
        scope.set("");
    }

    /** What Browse does with a folder (the main window opens it in the object browser). */
    public void setOnBrowse(Consumer<String> action) {
        onBrowse = action;
    }

    /** Scans {@code bucket} under {@code prefix} in the background; a scan already running is cancelled first. */
    public void scan(String bucket, String prefix, int depth) {
        if (scan == null || bucket == null) {
            return;
        }
        cancel();
        CancellationToken token = new CancellationToken();
        cancel = token;
        UsageScan current = scan;
        String where = bucket + "/" + (prefix == null ? "" : prefix);
        rows.clear();
        report.set(null);
        exportStatus.set("");
        scope.set(where);
        running.set(true);
        status.set("Scanning " + where + "…");
        shown.set(shown.get() + 1);
        // Progress arrives once a page; at most one hand-over waits on the UI thread, carrying the latest count.
        UiBatcher<Long> progress = new UiBatcher<>(tasks.ui(), counts -> {
            if (cancel == token) {
                status.set("Scanning " + where + "… " + String.format(Locale.ROOT, "%,d", counts.get(counts.size() - 1))
                        + " versions so far");
            }
        });
        tasks.run("usage scan " + where, () -> current.scan(bucket, prefix, depth,
                versions -> progress.addAll(List.of(versions)), token), done -> {
                    if (cancel != token) {
                        return;
                    }
                    running.set(false);
                    rows.setAll(done.folders());
                    report.set(done);
                    status.set(summary(done));
                }, error -> {
                    if (cancel != token) {
                        return;
                    }
                    running.set(false);
                    status.set("The scan failed.");
                    S3Failure failure = error instanceof UsageScanException e
                            ? new S3Failure(e.failure().code(), e.getMessage(), e.failure().requestId(),
                            e.failure().hint(), true)
                            : S3Failure.of(error);
                    dialogs.showFailure("Could not scan " + where, failure, error);
                });
    }

    /** Stops the running scan after the page in flight; the figures counted so far are shown, marked partial. */
    public void cancel() {
        if (cancel != null && running.get()) {
            cancel.cancel();
        }
    }

    /** Opens {@code row}'s folder in the object browser. */
    public void browse(FolderUsage row) {
        if (row != null && report.get() != null) {
            onBrowse.accept(row.folder());
        }
    }

    /** Asks where to save, then exports there the rows in the order shown. */
    public void exportAs(List<FolderUsage> inOrder) {
        UsageReport shownReport = report.get();
        if (shownReport == null) {
            return;
        }
        String name = "bucketsweep-usage-" + shownReport.bucket().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + EXPORT_STAMP.format(LocalDateTime.now()) + ".csv";
        dialogs.askExportFile(name).ifPresent(file -> export(file, List.copyOf(inOrder)));
    }

    /** Writes the report, rows in the order given (as sorted on screen), as CSV, or JSON when the name says so. */
    public void export(Path file, List<FolderUsage> inOrder) {
        UsageReport shownReport = report.get();
        if (shownReport == null) {
            return;
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        exportStatus.set("Exporting " + inOrder.size() + " folders…");
        tasks.run("export usage", () -> {
            if (json) {
                UsageExport.writeJson(file, shownReport, inOrder);
            } else {
                UsageExport.writeCsv(file, inOrder, shownReport.total());
            }
            return file;
        }, done -> exportStatus.set("Exported " + inOrder.size() + " folders to " + done.getFileName() + "."),
                error -> exportStatus.set("Export failed: " + error.getMessage()));
    }

    static String summary(UsageReport r) {
        FolderUsage t = r.total();
        String text = (r.complete() ? "" : "Cancelled: partial figures. ") + String.format(Locale.ROOT,
                "%,d versions in %,d folders: %s current, %s noncurrent, %s in %,d incomplete uploads; %,d delete"
                        + " marker%s (%,d expired).", r.versions(), r.folders().size(), Sizes.human(t.currentBytes()),
                Sizes.human(t.noncurrentBytes()), Sizes.human(t.uploadBytes()), t.uploads(), t.deleteMarkers(),
                t.deleteMarkers() == 1 ? "" : "s", t.expiredMarkers());
        return r.notes().isEmpty() ? text : text + " " + String.join(" ", r.notes());
    }

    public ObservableList<FolderUsage> rows() {
        return rows;
    }

    /** The last finished (or cancelled) scan; {@code null} before the first and while one runs. */
    public ReadOnlyObjectProperty<UsageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress while scanning, then the totals in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "bucket/prefix" of the scan shown. */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** Goes up each time a scan starts, so the window can bring the screen to the front. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public StringBinding emptyTextProperty() {
        return emptyText;
    }
}
