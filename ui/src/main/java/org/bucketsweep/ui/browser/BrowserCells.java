package org.bucketsweep.ui.browser;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import org.bucketsweep.model.browse.CommonPrefix;
import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.UploadedParts;
import org.bucketsweep.ui.format.Sizes;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** How the browser's rows look: cells compute their text from the immutable row when shown, nothing earlier. */
final class BrowserCells {

    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private BrowserCells() {
    }

    /** "1 current, 2 noncurrent, 1 marker": what a key's history holds, zero parts left out; short to fit. */
    static String versionCounts(KeyHistory key) {
        List<String> parts = new ArrayList<>(3);
        if (key.current() > 0) {
            parts.add("1 current");
        }
        if (key.noncurrent() > 0) {
            parts.add(key.noncurrent() + " noncurrent");
        }
        if (key.deleteMarkers() > 0) {
            parts.add(key.deleteMarkers() + (key.deleteMarkers() == 1 ? " marker" : " markers"));
        }
        return String.join(", ", parts);
    }

    /** "incomplete upload, started 2026-12-01 10:00, 3 parts, 15 MiB": what a person needs to judge it. */
    static String uploadText(MultipartUpload upload) {
        String started = upload.initiated() == null ? "" : ", started " + STARTED.format(upload.initiated());
        UploadedParts parts = upload.parts();
        String held = parts == null ? "" : ", " + parts.count() + (parts.count() == 1 ? " part, " : " parts, ")
                + Sizes.human(parts.bytes());
        return "incomplete upload" + started + held;
    }

    /** Bytes shown readable; the column's value stays the number so that it sorts by size. */
    static final class SizeCell extends TableCell<ListingEntry, Long> {
        @Override
        protected void updateItem(Long bytes, boolean empty) {
            super.updateItem(bytes, empty);
            setText(empty || bytes == null ? null : Sizes.human(bytes));
        }
    }

    /** Deleted keys and delete markers in the marker style, older versions muted. */
    static final class Row extends TableRow<ListingEntry> {
        @Override
        protected void updateItem(ListingEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("delete-marker-row", "noncurrent-row", "upload-row");
            if (empty) {
                return;
            }
            if (entry instanceof IncompleteUpload) {
                getStyleClass().add("upload-row");
            } else if (entry instanceof KeyHistory key && key.deleted()
                    || entry instanceof ObjectVersion v && v.deleteMarker()) {
                getStyleClass().add("delete-marker-row");
            } else if (entry instanceof ObjectVersion v && !v.latest()) {
                getStyleClass().add("noncurrent-row");
            }
        }
    }

    /** The key relative to the current folder, with an icon for folder, object or delete marker. */
    static final class NameCell extends TableCell<ListingEntry, ListingEntry> {
        private final ObjectBrowserViewModel model;

        NameCell(ObjectBrowserViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(ListingEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String prefix = model.prefixProperty().get();
            String name = entry.key().startsWith(prefix) ? entry.key().substring(prefix.length()) : entry.key();
            if (name.isEmpty()) {
                name = "(this folder's own object)";
            }
            boolean versionRow = entry instanceof ObjectVersion v && v.versionId() != null;
            // In the versions view a version sits indented under its key's row.
            setPadding(new Insets(0, 0, 0, versionRow && model.showVersionsProperty().get() ? 22 : 0));
            setTooltip(null);
            if (entry instanceof CommonPrefix) {
                setText(name);
                setGraphic(new FontIcon(Material2AL.FOLDER));
            } else if (entry instanceof IncompleteUpload upload) {
                setText(name + "  — " + uploadText(upload.upload()));
                setGraphic(new FontIcon(Material2AL.FILE_UPLOAD));
                setTooltip(new Tooltip("Upload id " + upload.upload().uploadId() + ": its parts are stored and"
                        + " billed, yet it is no object. Delete offers to abort it."));
            } else if (versionRow && ((ObjectVersion) entry).deleteMarker()) {
                setText("delete marker");
                setGraphic(new FontIcon(Material2AL.BOOKMARK_BORDER));
            } else if (versionRow) {
                setText(((ObjectVersion) entry).latest() ? "current version" : "older version");
                setGraphic(new FontIcon(Material2AL.HISTORY));
            } else if (entry instanceof KeyHistory key && key.deleted()) {
                // The latest version is a delete marker: the key looks deleted, its older versions remain.
                setText(name + "  (deleted)");
                setGraphic(new FontIcon(Material2AL.INSERT_DRIVE_FILE));
            } else {
                setText(name);
                setGraphic(new FontIcon(Material2AL.INSERT_DRIVE_FILE));
            }
        }
    }
}
