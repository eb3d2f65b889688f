package org.bucketsweep.ui.buckets;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.browse.MfaDeleteStatus;
import org.bucketsweep.model.browse.ObjectLockStatus;
import org.bucketsweep.model.browse.VersioningStatus;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The bucket list, each bucket with a versioning badge and an MFA badge. */
public final class BucketListView extends VBox {

    public BucketListView(BucketListViewModel model) {
        Label heading = new Label("Buckets");
        heading.getStyleClass().add("title-4");
        heading.setPadding(new Insets(8, 8, 4, 8));

        ListView<BucketSummary> list = new ListView<>(model.buckets());
        list.setId("bucketList");
        list.setCellFactory(v -> new BucketCell());
        list.getStyleClass().add(Styles.DENSE);
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        list.setPlaceholder(empty);
        // The list drives the selection; the model may restore it after a refresh.
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
        });
        MenuItem emptyAndDelete = new MenuItem("Empty and delete bucket…", new FontIcon(Material2AL.DELETE_FOREVER));
        emptyAndDelete.setId("emptyAndDeleteBucket");
        emptyAndDelete.setOnAction(e -> model.emptyAndDeleteSelected());
        emptyAndDelete.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem lifecycle = new MenuItem("Lifecycle rules…", new FontIcon(Material2AL.AUTORENEW));
        lifecycle.setId("bucketLifecycle");
        lifecycle.setOnAction(e -> model.showLifecycle(list.getSelectionModel().getSelectedItem()));
        lifecycle.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setContextMenu(new ContextMenu(lifecycle, new SeparatorMenuItem(), emptyAndDelete));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(heading, list);
        setMinWidth(240);
        setPrefWidth(300);
    }

    private static final class BucketCell extends ListCell<BucketSummary> {
        BucketCell() {
            // Fit the list's width, so long names shrink instead of pushing the badges out of sight.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(BucketSummary bucket, boolean empty) {
            super.updateItem(bucket, empty);
            if (empty || bucket == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(bucket.name(), new FontIcon(Material2AL.DELETE_SWEEP));
            name.getStyleClass().add("bucket-name");
            name.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(6, name, spacer);
            if (!bucket.statusKnown()) {
                row.getChildren().add(badge("…", "badge-unknown"));
            } else {
                row.getChildren().add(versioningBadge(bucket.status().versioning()));
                if (bucket.status().mfaDelete() == MfaDeleteStatus.ENABLED) {
                    Label mfa = badge("MFA", "badge-mfa");
                    mfa.setGraphic(new FontIcon(Material2MZ.SECURITY));
                    row.getChildren().add(mfa);
                }
                if (bucket.objectLock() != null && bucket.objectLock().state() == ObjectLockStatus.State.ENABLED) {
                    Label lock = badge("Lock", "badge-lock");
                    lock.setGraphic(new FontIcon(Material2AL.LOCK));
                    row.getChildren().add(lock);
                }
            }
            setTooltip(new Tooltip(tooltipFor(bucket)));
            setText(null);
            setGraphic(row);
        }

        private static String tooltipFor(BucketSummary bucket) {
            if (!bucket.statusKnown()) {
                return bucket.name() + "\nStatus: asking the server…";
            }
            String versioning = switch (bucket.status().versioning()) {
                case ENABLED -> "Versioning on: a delete adds a marker; versions stay until deleted by id.";
                case SUSPENDED -> "Versioning suspended: older versions stay, new writes replace the \"null\" version.";
                case NEVER_ENABLED -> "Not versioned: a delete removes the data for good.";
                case UNKNOWN -> "Versioning unknown: the server would not say.";
            };
            String mfa = switch (bucket.status().mfaDelete()) {
                case ENABLED -> "MFA Delete on: deleting a version needs a code from the MFA device.";
                case DISABLED -> "MFA Delete off.";
                case UNKNOWN -> "MFA Delete unknown.";
            };
            String lock = bucket.objectLock() == null ? "" : "\n" + bucket.objectLock().describe() + ".";
            return bucket.name() + "\n" + versioning + "\n" + mfa + lock;
        }

        private static Label versioningBadge(VersioningStatus status) {
            return badge(status.label(), switch (status) {
                case ENABLED -> "badge-versioned";
                case SUSPENDED -> "badge-suspended";
                case NEVER_ENABLED -> "badge-unversioned";
                case UNKNOWN -> "badge-unknown";
            });
        }

        private static Label badge(String text, String style) {
            Label badge = new Label(text);
            badge.getStyleClass().addAll("badge", style);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            return badge;
        }
    }
}
