package org.bucketsweep.ui.lifecycle;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.LifecycleChange;
import org.bucketsweep.model.lifecycle.LifecycleConfig;
import org.bucketsweep.model.lifecycle.LifecycleException;
import org.bucketsweep.model.lifecycle.LifecycleExplanation;
import org.bucketsweep.model.lifecycle.LifecycleXml;
import org.bucketsweep.model.lifecycle.RuleSummary;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.ui.concurrent.TaskRunner;

/**
 * The lifecycle dialog: BucketSweep's rule for a prefix (or removing BucketSweep's rules), merged with the rules the
 * bucket has, shown as the exact XML S3 will receive and in words, and applied on request. The bucket's rules are
 * read in the background when the dialog opens and again after each change; the merge itself is worked out here.
 */
public final class LifecycleDialogViewModel {

    /** What Apply sends. */
    public enum Mode { ADD_RULE, REMOVE_OURS }

    private final TaskRunner tasks;
    private final BucketLifecycle lifecycle;
    private final String bucket;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.ADD_RULE);
    private final StringProperty prefix = new SimpleStringProperty("");
    private final ObjectProperty<Integer> noncurrentDays = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> keepNewest = new SimpleObjectProperty<>();
    private final BooleanProperty expiredMarkers = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> abortUploadsDays = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<LifecycleConfig> existing = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RuleSummary> existingRules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LifecycleChange> change = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper xml = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canApply;

    /** @param suggested the rule to start from (from the delete dialog's intent); {@code null} for none */
    public LifecycleDialogViewModel(TaskRunner tasks, BucketLifecycle lifecycle, String bucket, SweepRule suggested) {
        this.tasks = tasks;
        this.lifecycle = lifecycle;
        this.bucket = bucket;
        if (suggested != null) {
            prefix.set(suggested.prefix());
            noncurrentDays.set(suggested.noncurrentDays());
            keepNewest.set(suggested.keepNewest());
            expiredMarkers.set(suggested.expiredMarkers());
            abortUploadsDays.set(suggested.abortUploadsDays());
        }
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && change.get() != null
                && !change.get().changesNothing(), busy, change);
        for (Observable o : new Observable[]{mode, prefix, noncurrentDays, keepNewest, expiredMarkers,
                abortUploadsDays, existing}) {
            o.addListener(x -> merge());
        }
        reload();
    }

    /** Reads the bucket's rules again, in the background. */
    public void reload() {
        busy.set(true);
        tasks.run("read lifecycle of " + bucket, () -> lifecycle.read(bucket), config -> {
            busy.set(false);
            existingRules.setAll(config.summaries());
            existing.set(config);
        }, error -> {
            busy.set(false);
            existing.set(null);
            existingRules.clear();
            problem.set(message(error));
        });
    }

    /** Sends the change shown, then reads the rules back. */
    public void apply() {
        LifecycleChange shown = change.get();
        if (!canApply.get()) {
            return;
        }
        busy.set(true);
        status.set("");
        tasks.run("change lifecycle of " + bucket, () -> {
            lifecycle.apply(bucket, shown);
            return shown;
        }, done -> {
            busy.set(false);
            status.set(done.deletesConfiguration() ? "Done: the bucket has no lifecycle rules any more."
                    : done.added() != null ? "Done: rule " + done.added().id() + " is in place. S3 applies it in the"
                    + " background, typically within a day or two." : "Done: BucketSweep's rules were removed.");
            reload();
        }, error -> {
            busy.set(false);
            status.set("Nothing was changed: " + message(error));
            reload();
        });
    }

    private void merge() {
        LifecycleConfig config = existing.get();
        change.set(null);
        xml.set("");
        explanation.set("");
        if (config == null) {
            return;
        }
        problem.set(null);
        LifecycleChange next;
        if (mode.get() == Mode.REMOVE_OURS) {
            next = LifecycleChange.removeOurs(config);
            explanation.set(next.changesNothing() ? "This bucket has no rule of BucketSweep's."
                    : "Removes " + String.join(", ", next.removed()) + ". " + keptText(next)
                    + (next.deletesConfiguration() ? " No rule is left, so the bucket's lifecycle configuration is"
                    + " deleted (DeleteBucketLifecycle)." : ""));
        } else {
            SweepRule rule;
            try {
                rule = new SweepRule(prefix.get(), noncurrentDays.get(), keepNewest.get(), expiredMarkers.get(),
                        abortUploadsDays.get());
            } catch (IllegalArgumentException e) {
                problem.set(e.getMessage());
                return;
            }
            next = LifecycleChange.add(config, rule);
            List<String> words = new ArrayList<>(LifecycleExplanation.of(rule));
            if (next.replaced() != null) {
                words.add("It replaces BucketSweep's earlier rule with this ID.");
            }
            words.add(keptText(next));
            explanation.set(String.join("\n", words));
        }
        change.set(next);
        xml.set(next.deletesConfiguration() ? "(DeleteBucketLifecycle: no XML is sent)"
                : LifecycleXml.pretty(next.after()));
    }

    private static String keptText(LifecycleChange change) {
        int kept = change.kept().size();
        return kept == 0 ? "No other rule is kept." : kept == 1 ? "The bucket's 1 other rule is kept as it is."
                : "The bucket's " + kept + " other rules are kept as they are.";
    }

    private static String message(Throwable error) {
        S3Failure failure = error instanceof LifecycleException e ? e.failure() : S3Failure.of(error);
        return failure.hint() == null ? failure.message() : failure.message() + " " + failure.hint();
    }

    public String bucket() {
        return bucket;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    public ObjectProperty<Integer> noncurrentDaysProperty() {
        return noncurrentDays;
    }

    public ObjectProperty<Integer> keepNewestProperty() {
        return keepNewest;
    }

    public BooleanProperty expiredMarkersProperty() {
        return expiredMarkers;
    }

    public ObjectProperty<Integer> abortUploadsDaysProperty() {
        return abortUploadsDays;
    }

    /** The bucket's rules as last read, BucketSweep's marked. */
    public ObservableList<RuleSummary> existingRules() {
        return FXCollections.unmodifiableObservableList(existingRules);
    }

    public ReadOnlyObjectProperty<LifecycleChange> changeProperty() {
        return change.getReadOnlyProperty();
    }

    /** The configuration S3 will receive, indented. */
    public ReadOnlyStringProperty xmlProperty() {
        return xml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** What is wrong (the rule, or the server's answer); {@code null} when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last Apply did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }
}
