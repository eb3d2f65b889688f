package org.bucketsweep.ui.delete;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.browse.VersioningStatus;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.plan.DeleteIntent;
import org.bucketsweep.model.plan.DeletePlan;
import org.bucketsweep.model.plan.DeletePlanner;
import org.bucketsweep.model.plan.Scope;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.DeleteDecision;

/**
 * The delete dialog: which intent, over what, with which options; the exact plan, listed in the background and
 * listed again on every change; and whether the person has confirmed enough to send it.
 */
public final class DeleteDialogViewModel {

    /** What to delete. */
    public enum Intent {
        SELECTED("Exactly the selected rows"),
        ALL_VERSIONS("All versions and delete markers"),
        NONCURRENT("Noncurrent versions only"),
        UNDELETE("Undelete: remove the delete markers that hide keys"),
        ROLL_BACK("Roll back: as it was at a date (what was written since is deleted)");

        private final String label;

        Intent(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Over which keys, for every intent but {@link Intent#SELECTED}. */
    public enum Target { SELECTED_KEYS, FOLDER }

    public static final int SAMPLE_SIZE = 8;
    /** The most requests in flight the dialog offers; 0 ({@link DeleteOptions#ADAPTIVE}) means "Auto". */
    public static final int MAX_CONCURRENCY = 16;

    private final TaskRunner tasks;
    private final DeletePlanner planner;
    private final BucketSummary bucket;
    private final String prefix;
    private final List<ObjectVersion> selectedRows;
    /** The selection's distinct keys, in order; counted off the JavaFX thread, once (20-40 ms for 100,000 rows). */
    private List<String> selectedKeys;
    private final ReadOnlyIntegerWrapper selectedKeyCount = new ReadOnlyIntegerWrapper(-1);

    private final ObjectProperty<Intent> intent = new SimpleObjectProperty<>();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> noncurrentBefore = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> keepNewest = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> rollBackDate = new SimpleObjectProperty<>();
    private final StringProperty rollBackTime = new SimpleStringProperty("00:00");
    private final BooleanProperty quiet = new SimpleBooleanProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty(DeleteJob.MAX_BATCH);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(DeleteOptions.DEFAULT_CONCURRENCY);
    private final StringProperty expectedBucketOwner = new SimpleStringProperty("");
    private final BooleanProperty requestPayer = new SimpleBooleanProperty();
    private final BooleanProperty bypassGovernance = new SimpleBooleanProperty();
    private final StringProperty typedBucketName = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<DeletePlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final BooleanBinding canConfirm;
    private final BooleanBinding lifecycleAvailable;
    private CancellationToken currentPlanning = new CancellationToken();
    private boolean lifecycleRequested;

    public DeleteDialogViewModel(TaskRunner tasks, DeletePlanner planner, BucketSummary bucket, String prefix,
                                 List<ObjectVersion> selectedRows) {
        this.tasks = tasks;
        this.planner = planner;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.selectedRows = List.copyOf(selectedRows);
        intent.set(selectedRows.isEmpty() ? Intent.NONCURRENT : Intent.SELECTED);
        target.set(selectedRows.isEmpty() ? Target.FOLDER : Target.SELECTED_KEYS);
        keepNewest.set(selectedRows.isEmpty() ? 1 : null);
        canConfirm = Bindings.createBooleanBinding(this::confirmable, plan, planning, typedBucketName);
        lifecycleAvailable = Bindings.createBooleanBinding(() -> lifecycleRule().isPresent(),
                intent, target, noncurrentBefore, keepNewest);
        for (Observable o : new Observable[]{intent, target, noncurrentBefore, keepNewest, rollBackDate,
                rollBackTime}) {
            o.addListener(x -> replan());
        }
        if (!this.selectedRows.isEmpty()) {
            // Collecting keys from rows in memory cannot fail but by a bug; the label then keeps its wording
            // without a number, and a plan over the selected keys reports the error.
            tasks.run("count the selected keys", this::selectedKeys, keys -> selectedKeyCount.set(keys.size()),
                    error -> { });
        }
        replan();
    }

    private synchronized List<String> selectedKeys() {
        if (selectedKeys == null) {
            selectedKeys = List.copyOf(new LinkedHashSet<>(selectedRows.stream().map(ObjectVersion::key).toList()));
        }
        return selectedKeys;
    }

    private boolean confirmable() {
        DeletePlan p = plan.get();
        return !planning.get() && p != null && !p.isEmpty()
                && (!p.preview().permanent() || bucket.name().equals(typedBucketName.get()));
    }

    /** Lists again for the current choices; the previous listing is cancelled. */
    public void replan() {
        currentPlanning.cancel();
        CancellationToken token = new CancellationToken();
        currentPlanning = token;
        plan.set(null);
        problem.set(null);
        VersioningStatus versioning = bucket.versioningOrUnknown().versioning();
        Callable<DeletePlan> work;
        if (intent.get() == Intent.SELECTED) {
            // No listing, but a selection of 100,000 rows takes a noticeable while to check: off the UI thread too.
            work = () -> DeletePlanner.ofRows(bucket.name(), versioning, selectedRows);
        } else {
            Function<Scope, DeleteIntent> chosen;
            try {
                chosen = chosenIntent();
            } catch (IllegalArgumentException e) {
                problem.set(e.getMessage());
                return;
            }
            boolean folder = target.get() == Target.FOLDER;
            work = () -> planner.plan(bucket.name(), versioning,
                    chosen.apply(folder ? Scope.prefix(prefix) : Scope.keys(selectedKeys())), token);
        }
        planning.set(true);
        tasks.run("plan delete in " + bucket.name(), work,
                result -> {
                    if (!token.isCancelled()) {
                        planning.set(false);
                        plan.set(result);
                    }
                },
                error -> {
                    if (!token.isCancelled()) {
                        planning.set(false);
                        problem.set("Listing failed: " + S3Failure.of(error).summary());
                    }
                });
    }

    /**
     * The chosen intent over a scope, with the choices read now (on the JavaFX thread); the scope comes later, as the
     * selected keys are collected in the background.
     */
    private Function<Scope, DeleteIntent> chosenIntent() {
        if (target.get() == Target.SELECTED_KEYS && selectedRows.isEmpty()) {
            throw new IllegalArgumentException("Nothing is selected: choose the folder, or select keys first.");
        }
        return switch (intent.get()) {
            case ALL_VERSIONS -> DeleteIntent.AllVersions::new;
            case UNDELETE -> DeleteIntent.Undelete::new;
            case NONCURRENT -> {
                // With no date and nothing kept: every noncurrent version, which the preview counts.
                Instant before = noncurrentBefore.get() == null ? null
                        : noncurrentBefore.get().atStartOfDay(ZoneId.systemDefault()).toInstant();
                Integer keep = keepNewest.get();
                if (keep != null && keep < 0) {
                    throw new IllegalArgumentException("Keep the newest 0 or more versions.");
                }
                yield scope -> new DeleteIntent.Noncurrent(scope, before, keep);
            }
            case ROLL_BACK -> {
                Instant at = rollBackInstant();
                yield scope -> new DeleteIntent.RollBack(scope, at);
            }
            case SELECTED -> throw new IllegalStateException("planned without listing");
        };
    }

    /** The date and time to roll back to, in this computer's time zone. */
    private Instant rollBackInstant() {
        if (rollBackDate.get() == null) {
            throw new IllegalArgumentException("Choose the date (and time) to roll back to.");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(rollBackTime.get() == null ? "" : rollBackTime.get().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The time must be like 14:30 or 14:30:15 (24-hour clock), not '"
                    + rollBackTime.get() + "'.");
        }
        return rollBackDate.get().atTime(time).atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The options for the job, from the advanced settings. */
    public DeleteOptions options() {
        return DeleteOptions.DEFAULTS
                .withBatchSize(Math.max(1, Math.min(DeleteJob.MAX_BATCH, batchSize.get())))
                .withConcurrency(Math.max(DeleteOptions.ADAPTIVE, Math.min(MAX_CONCURRENCY, concurrency.get())))
                .withQuiet(quiet.get())
                .withExpectedBucketOwner(expectedBucketOwner.get())
                .withRequestPayer(requestPayer.get())
                .withBypassGovernanceRetention(bypassGovernance.get());
    }

    /**
     * Whether the plan's current objects are deleted only if unchanged since this preview (their ETags go with the
     * delete), in one sentence; empty when the plan names only versions.
     */
    public String conditionalText() {
        DeletePlan shown = plan.get();
        String text = shown == null ? null : options().ifUnchanged().describe(shown.items());
        return text == null ? "" : text;
    }

    /** The confirmed plan and options, when the person may confirm. */
    public Optional<DeleteDecision> decision() {
        return canConfirm.get() ? Optional.of(new DeleteDecision(plan.get(), options())) : Optional.empty();
    }

    /**
     * The lifecycle rule that would do the chosen cleanup in S3's own time, for a folder and noncurrent versions:
     * "noncurrent since before DATE" becomes NoncurrentDays counted back from today (S3 counts from when a version
     * became noncurrent, as the intent does), "keep the newest N" becomes NewerNoncurrentVersions, which S3 takes
     * only with NoncurrentDays (1 when no date is chosen, also for every noncurrent version). Empty for the other intents and for selected keys: a rule
     * applies to a prefix.
     */
    public Optional<SweepRule> lifecycleRule() {
        if (intent.get() != Intent.NONCURRENT || target.get() != Target.FOLDER) {
            return Optional.empty();
        }
        LocalDate before = noncurrentBefore.get();
        Integer keep = keepNewest.get() == null || keepNewest.get() < 1 ? null
                : Math.min(keepNewest.get(), SweepRule.MAX_KEEP_NEWEST);
        int days = before == null ? 1
                : (int) Math.max(1, ChronoUnit.DAYS.between(before, LocalDate.now(ZoneId.systemDefault())));
        return Optional.of(new SweepRule(prefix, days, keep, false, null));
    }

    /** The person chose "Create a lifecycle rule instead": the delete dialog closes without deleting. */
    public void requestLifecycleRule() {
        lifecycleRequested = lifecycleRule().isPresent();
    }

    public boolean lifecycleRequested() {
        return lifecycleRequested;
    }

    /** Whether the chosen intent maps to a lifecycle rule ({@link #lifecycleRule()}). */
    public BooleanBinding lifecycleAvailableProperty() {
        return lifecycleAvailable;
    }

    /** Stops a listing still running when the dialog closes. */
    public void close() {
        currentPlanning.cancel();
    }

    public BucketSummary bucket() {
        return bucket;
    }

    public String prefix() {
        return prefix;
    }

    /** How many distinct keys the selected rows have; -1 until they are counted, in the background. */
    public ReadOnlyIntegerProperty selectedKeyCountProperty() {
        return selectedKeyCount.getReadOnlyProperty();
    }

    public boolean hasSelection() {
        return !selectedRows.isEmpty();
    }

    public boolean mfaRequired() {
        return bucket.versioningOrUnknown().mfaDelete() == MfaDeleteStatus.ENABLED;
    }

    public ObjectProperty<Intent> intentProperty() {
        return intent;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObjectProperty<LocalDate> noncurrentBeforeProperty() {
        return noncurrentBefore;
    }

    /** Roll back: the day to put the keys back to, in this computer's time zone. */
    public ObjectProperty<LocalDate> rollBackDateProperty() {
        return rollBackDate;
    }

    /** Roll back: the time of that day, HH:mm or HH:mm:ss; midnight by default. */
    public StringProperty rollBackTimeProperty() {
        return rollBackTime;
    }

    public ObjectProperty<Integer> keepNewestProperty() {
        return keepNewest;
    }

    public BooleanProperty quietProperty() {
        return quiet;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty expectedBucketOwnerProperty() {
        return expectedBucketOwner;
    }

    public BooleanProperty requestPayerProperty() {
        return requestPayer;
    }

    public BooleanProperty bypassGovernanceProperty() {
        return bypassGovernance;
    }

    public StringProperty typedBucketNameProperty() {
        return typedBucketName;
    }

    public ReadOnlyObjectProperty<DeletePlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    /** Why there is no plan (a missing choice, a failed listing), or {@code null}. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }
}
