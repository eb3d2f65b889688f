package org.bucketsweep.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.IncompleteUpload;
import org.bucketsweep.model.browse.KeyHistories.GroupedPage;
import org.bucketsweep.model.browse.KeyHistory;
import org.bucketsweep.model.browse.ListingEntry;
import org.bucketsweep.model.browse.ObjectVersion;
import org.bucketsweep.model.uploads.MultipartUpload;
import org.bucketsweep.model.uploads.MultipartUploads;
import org.bucketsweep.ui.concurrent.TaskRunner;
import org.bucketsweep.ui.dialog.DialogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incomplete multipart uploads of the level the browser lists, as rows of their own. They are listed in the
 * background next to the objects (ListMultipartUploads with the folder as prefix, one level or all depths, paged,
 * with each upload's parts) and handed over once the objects are in. Credentials or a server that refuse the
 * listing leave the rows out with a note in the status line; the objects are listed as ever. Upload rows are
 * aborted, never deleted: Delete hands them to what {@link #setOnAbort} set.
 */
public final class BrowserUploads {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserUploads.class);

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private MultipartUploads uploads;
    private Consumer<List<MultipartUpload>> onAbort = chosen -> { };
    /** The listing these uploads belong to; the fields below are of that listing, touched on the UI thread. */
    private CancellationToken listing = new CancellationToken();
    private List<ListingEntry> waiting;
    private boolean objectsIn;
    private String note = "";
    private ListedRows rows;
    private Consumer<String> status = text -> { };

    BrowserUploads(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Where to list uploads from; {@code null} shows none. */
    public void connect(MultipartUploads newUploads) {
        uploads = newUploads;
    }

    /** What aborting selected upload rows does (the uploads panel's confirmation and abort); the main window sets it. */
    public void setOnAbort(Consumer<List<MultipartUpload>> action) {
        onAbort = action;
    }

    /**
     * Starts listing the uploads of a new listing of the objects. They are appended to {@code into} once, on the UI
     * thread, after {@link #objectsListed}, and {@code onStatus} gets the counts with them, or why there are none.
     */
    void list(String bucket, String prefix, boolean allDepths, CancellationToken token, ListedRows into,
              Consumer<String> onStatus) {
        listing = token;
        waiting = null;
        objectsIn = false;
        note = "";
        rows = into;
        status = onStatus;
        MultipartUploads source = uploads;
        if (source == null) {
            waiting = List.of();
            return;
        }
        tasks.run("list uploads in " + bucket + "/" + prefix, () -> {
            List<ListingEntry> found = new ArrayList<>();
            source.list(bucket, prefix, !allDepths, true, page -> page.forEach(u -> found.add(new IncompleteUpload(u))),
                    token);
            return found;
        }, found -> arrived(token, found, ""), error -> {
            S3Failure failure = S3Failure.of(error);
            LOG.info("Incomplete uploads of {}/{} not listed: {}", bucket, prefix, failure.summary());
            arrived(token, List.of(), " · incomplete uploads not listed (" + failure.summary() + ")");
        });
    }

    private void arrived(CancellationToken token, List<ListingEntry> found, String why) {
        if (token != listing || token.isCancelled()) {
            return;
        }
        waiting = found;
        note = why;
        handOver();
    }

    /** The objects of {@code token}'s listing are all in: the uploads follow them, now or when they arrive. */
    void objectsListed(CancellationToken token) {
        if (token == listing) {
            objectsIn = true;
            handOver();
        }
    }

    private void handOver() {
        if (objectsIn && waiting != null && !listing.isCancelled()) {
            List<ListingEntry> found = waiting;
            waiting = null;
            if (!found.isEmpty()) {
                rows.append(List.of(new GroupedPage(null, found)));
            }
            if (!found.isEmpty() || !note.isEmpty()) {
                status.accept(rows.describe() + note);
            }
        }
    }

    /** The uploads among {@code rows}. */
    public static List<MultipartUpload> in(List<ListingEntry> rows) {
        return rows.stream().filter(IncompleteUpload.class::isInstance).map(e -> ((IncompleteUpload) e).upload())
                .toList();
    }

    /**
     * What Delete does with a selection that holds upload rows. Only uploads: they are offered to abort, by the same
     * preview and confirmation as the uploads panel. Uploads next to objects or versions: refused, saying why (an
     * abort and a delete are different requests with a preview each). Folders are left out, as a delete does.
     *
     * @return whether the selection held upload rows, so that no delete dialog is to be opened
     */
    public boolean abortInstead(List<ListingEntry> selection) {
        List<MultipartUpload> chosen = in(selection);
        if (chosen.isEmpty()) {
            return false;
        }
        long others = selection.stream().filter(e -> e instanceof ObjectVersion || e instanceof KeyHistory).count();
        if (others > 0) {
            dialogs.showFailure("Uploads are aborted, not deleted", new S3Failure("MixedSelection", String.format(
                    Locale.ROOT, "The selection holds %s and %,d %s. An incomplete upload is aborted (its parts are"
                            + " deleted), an object or version is deleted: each has a preview of its own.",
                    uploads(chosen.size()), others, others == 1 ? "object or version" : "objects or versions"),
                    null, "Select only the upload rows to abort them, or only objects and versions to delete them.",
                    true), null);
        } else {
            onAbort.accept(chosen);
        }
        return true;
    }

    static String uploads(long n) {
        return String.format(Locale.ROOT, "%,d incomplete %s", n, n == 1 ? "upload" : "uploads");
    }
}
