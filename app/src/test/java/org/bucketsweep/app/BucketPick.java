package org.bucketsweep.app;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.ui.testing.FxThread;
import org.testfx.api.FxRobot;

/**
 * Clicks a bucket in the bucket list once the list has settled. The names show first and each bucket's status
 * replaces its item later, which rebuilds that cell: a cell looked up before then can leave the scene before the
 * robot reaches it.
 */
final class BucketPick {

    private BucketPick() {
    }

    static void click(FxRobot robot, String bucket) throws Exception {
        ListView<BucketSummary> list = robot.lookup("#bucketList").queryListView();
        FxThread.waitUntil(20, () -> list.getItems().stream().anyMatch(b -> b.name().equals(bucket))
                && list.getItems().stream().allMatch(BucketSummary::statusKnown));
        // Looked up inside this window: an earlier test's window may still hold nodes with the same text.
        robot.clickOn(robot.from(list).lookup(bucket).<Node>query());
        FxThread.waitUntil(10, () -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().name().equals(bucket));
    }
}
