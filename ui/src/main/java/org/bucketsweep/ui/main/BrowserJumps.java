package org.bucketsweep.ui.main;

import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.delete.ItemResult;
import org.bucketsweep.ui.browser.ObjectBrowserViewModel;
import org.bucketsweep.ui.buckets.BucketListViewModel;
import org.bucketsweep.ui.dialog.DialogService;
import org.bucketsweep.ui.results.ResultsViewModel;

/** Takes the browser to what another panel points at: a result's key, a folder of the Space tab. */
final class BrowserJumps {

    private final DialogService dialogs;
    private final BucketListViewModel buckets;
    private final ObjectBrowserViewModel browser;
    private final ResultsViewModel results;

    BrowserJumps(DialogService dialogs, BucketListViewModel buckets, ObjectBrowserViewModel browser,
                 ResultsViewModel results) {
        this.dialogs = dialogs;
        this.buckets = buckets;
        this.browser = browser;
        this.results = results;
    }

    /** Opens {@code folder} of {@code bucket}, choosing that bucket first when another is open. */
    void toFolder(String bucket, String folder) {
        BucketSummary open = browser.bucketProperty().get();
        if (open == null || !open.name().equals(bucket)) {
            buckets.buckets().stream().filter(b -> b.name().equals(bucket)).findFirst()
                    .ifPresent(b -> buckets.selectedProperty().set(b));
        }
        browser.navigateTo(folder);
    }

    /**
     * A result's key: its folder, filtered on its name, with versions when the row names one. Only in the bucket
     * open in the browser: results of a past job in another bucket say so instead.
     */
    void toResult(ItemResult row) {
        BucketSummary open = browser.bucketProperty().get();
        String jobBucket = results.bucketProperty().get();
        if (open == null || !open.name().equals(jobBucket)) {
            dialogs.showFailure("Open the bucket first", new S3Failure("OtherBucket", "These results are from "
                    + jobBucket + ". Choose that bucket in the list, then use Show in browser again.", null, null,
                    true), null);
            return;
        }
        String key = row.key();
        int slash = key.lastIndexOf('/', key.length() - 2);
        if (row.versionId() != null) {
            browser.showVersionsProperty().set(true);
        }
        browser.navigateTo(slash < 0 ? "" : key.substring(0, slash + 1));
        browser.filterProperty().set(key.substring(slash + 1));
    }
}
