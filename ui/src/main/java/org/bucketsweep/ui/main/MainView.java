package org.bucketsweep.ui.main;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bucketsweep.model.journal.JournalEntry;
import org.bucketsweep.ui.browser.ObjectBrowserView;
import org.bucketsweep.ui.buckets.BucketListView;
import org.bucketsweep.ui.concurrent.Pulses;
import org.bucketsweep.ui.jobs.JobNotice;
import org.bucketsweep.ui.jobs.JobsView;
import org.bucketsweep.ui.results.ResultsView;
import org.bucketsweep.ui.usage.UsageView;
import org.bucketsweep.ui.table.ColumnWidths;
import org.bucketsweep.ui.uploads.UploadsView;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The main window's content: toolbar, buckets, browser, results and status bar. */
public final class MainView extends BorderPane {

    public MainView(MainViewModel model) {
        Button connect = new Button("_Connect…", new FontIcon(Material2AL.LINK));
        connect.setId("connect");
        connect.setTooltip(new Tooltip("Connect with an AWS profile or to an S3-compatible endpoint"));
        connect.setOnAction(e -> model.chooseConnection());
        Button demo = new Button("De_mo sandbox", new FontIcon(Material2MZ.SCIENCE));
        demo.setId("demoSandbox");
        demo.setTooltip(new Tooltip("Start a local S3 server with sample buckets to try BucketSweep safely"));
        demo.setOnAction(e -> model.openDemoSandbox());
        Button refresh = new Button("_Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("refresh");
        refresh.setTooltip(new Tooltip("List buckets and the current folder again (F5)"));
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.connectionProperty().isNull());
        Button delete = new Button("_Delete…", new FontIcon(Material2AL.DELETE));
        delete.setId("delete");
        // Outlined, not filled: a filled danger button fades to white text on white when disabled.
        delete.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.DANGER);
        delete.setTooltip(new Tooltip("Delete the selected objects, versions or delete markers (Delete)"));
        delete.setOnAction(e -> model.deleteSelected());
        delete.disableProperty().bind(model.canDelete().not());
        Button space = new Button("_Where's the space?", new FontIcon(Material2MZ.PIE_CHART));
        space.setId("whereIsTheSpace");
        space.setTooltip(new Tooltip("Which folders of this bucket or folder hold the bytes: current, noncurrent,"
                + " delete markers, incomplete uploads (Ctrl+U)"));
        space.setOnAction(e -> model.whereIsTheSpace());
        space.disableProperty().bind(model.browser().bucketProperty().isNull());
        connect.disableProperty().bind(model.connectingProperty());
        demo.disableProperty().bind(model.connectingProperty());
        ProgressIndicator connecting = new ProgressIndicator();
        connecting.setPrefSize(18, 18);
        connecting.visibleProperty().bind(model.connectingProperty());
        ToggleButton dark = new ToggleButton(null, new FontIcon(Material2AL.BRIGHTNESS_4));
        dark.setId("darkTheme");
        dark.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dark.setTooltip(new Tooltip("Dark theme"));
        dark.selectedProperty().bindBidirectional(model.darkThemeProperty());
        Region toolbarSpacer = new Region();
        HBox.setHgrow(toolbarSpacer, Priority.ALWAYS);
        ToolBar toolbar = new ToolBar(connect, demo, connecting, new Separator(Orientation.VERTICAL), refresh,
                delete, space, toolbarSpacer, dark);

        VBox welcome = welcome(model);
        welcome.visibleProperty().bind(model.connectionProperty().isNull());
        StackPane center = new StackPane(welcome);
        // The workspace is made when a connection is first being opened (while the server answers), after the window
        // has laid out a frame: the window's first frame is then only the welcome pane's, and the workspace's first
        // CSS and layout pass comes in the pulse after it.
        InvalidationListener addWorkspace = new InvalidationListener() {
            @Override
            public void invalidated(Observable observable) {
                if (model.connectingProperty().get() || model.connectionProperty().get() != null) {
                    model.connectingProperty().removeListener(this);
                    model.connectionProperty().removeListener(this);
                    afterNextFrame(() -> {
                        SplitPane workspace = workspace(model);
                        workspace.visibleProperty().bind(welcome.visibleProperty().not());
                        center.getChildren().add(0, workspace);
                    });
                }
            }
        };
        model.connectingProperty().addListener(addWorkspace);
        model.connectionProperty().addListener(addWorkspace);
        addWorkspace.invalidated(null);

        Label connection = new Label();
        connection.setId("statusConnection");
        connection.textProperty().bind(model.titleProperty());
        Label listing = new Label();
        listing.textProperty().bind(model.browser().statusProperty());
        Label jobs = new Label();
        jobs.setId("statusJobs");
        jobs.textProperty().bind(model.jobs().activeTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(12, connection, spacer, jobs, listing);
        status.getStyleClass().add("status-bar");
        status.setPadding(new Insets(3, 8, 3, 8));

        setTop(toolbar);
        setCenter(center);
        setBottom(status);

        model.jobs().noticeProperty().addListener((obs, was, notice) -> notify(notice));

        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), model::refresh);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DELETE), () -> {
                    if (model.canDelete().get()) {
                        model.deleteSelected();
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                        model::chooseConnection);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), model.results()::cancel);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN),
                        model::whereIsTheSpace);
            }
        });
    }

    /**
     * Runs {@code work} after the window this view is in has laid out its next frame (which then goes to the screen
     * without what {@code work} adds); at once where no window shows this view yet.
     */
    private void afterNextFrame(Runnable work) {
        Scene scene = getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            work.run();
        } else {
            Pulses.afterNextLayout(scene, work);
        }
    }

    /** Buckets on the left; the object browser over the results, jobs, space and uploads tabs on the right. */
    private static SplitPane workspace(MainViewModel model) {
        ResultsView resultsView = new ResultsView(model.results());
        ObjectBrowserView browserView = new ObjectBrowserView(model.browser());
        rememberColumns(resultsView, "resultsTable", model);
        rememberColumns(browserView, "objectTable", model);
        Tab resultsTab = new Tab("Results", resultsView);
        resultsTab.setId("resultsTab");
        Tab jobsTab = lazyTab("Jobs", () -> new JobsView(model.jobs()), "jobsTable", model);
        jobsTab.setId("jobsTab");
        Tab uploadsTab = lazyTab("Incomplete uploads", () -> new UploadsView(model.uploads()), "uploadsTable", model);
        uploadsTab.setId("uploadsTab");
        uploadsTab.setTooltip(new Tooltip("Multipart uploads under this folder that were never completed: their"
                + " parts are billed and no listing of objects shows them"));
        model.uploads().shownProperty().bind(uploadsTab.selectedProperty());
        Tab spaceTab = lazyTab("Space", () -> new UsageView(model.usage()), "usageTable", model);
        spaceTab.setId("spaceTab");
        TabPane bottom = new TabPane(resultsTab, jobsTab, spaceTab, uploadsTab);
        bottom.setId("bottomTabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A job that starts, or past results opened from the jobs panel, bring the results to the front.
        model.results().shownProperty().addListener((obs, was, now) -> bottom.getSelectionModel().select(resultsTab));
        model.usage().shownProperty().addListener((obs, was, now) -> bottom.getSelectionModel().select(spaceTab));
        model.uploads().revealedProperty().addListener((obs, was, now) -> bottom.getSelectionModel().select(uploadsTab));
        VBox resultsPane = new VBox(unfinishedBanner(model), bottom);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        SplitPane work = new SplitPane(browserView, resultsPane);
        work.setOrientation(Orientation.VERTICAL);
        work.setDividerPositions(0.62);
        SplitPane workspace = new SplitPane(new BucketListView(model.buckets()), work);
        workspace.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(workspace.getItems().get(0), false);
        return workspace;
    }

    /**
     * A tab whose view is made the first time the tab is selected, so that the workspace's first CSS and layout pass
     * does not include the views nobody has looked at yet.
     */
    private static Tab lazyTab(String title, Supplier<Node> view, String tableId, MainViewModel model) {
        Tab tab = new Tab(title);
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now && tab.getContent() == null) {
                Node content = view.get();
                rememberColumns(content, tableId, model);
                tab.setContent(content);
            }
        });
        return tab;
    }

    private static void rememberColumns(Node view, String tableId, MainViewModel model) {
        if (view.lookup("#" + tableId) instanceof TableView<?> table) {
            ColumnWidths.remember(table, tableId, model.columnWidths());
        }
    }

    /** A job ended: a notification in the window's corner with its counts. */
    private void notify(JobNotice notice) {
        if (notice == null || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        Notifications popup = Notifications.create()
                .owner(getScene().getWindow())
                .title(notice.title())
                .text(notice.text())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(javafx.util.Duration.seconds(notice.problems() ? 12 : 6));
        if (notice.problems()) {
            popup.showWarning();
        } else {
            popup.showInformation();
        }
    }

    /** Offers the first job that did not finish: review its outcomes, resume it, or dismiss it. */
    private static HBox unfinishedBanner(MainViewModel model) {
        Label text = new Label();
        text.setId("unfinishedText");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.unfinishedJobs().isEmpty()) {
                return "";
            }
            JournalEntry job = model.unfinishedJobs().get(0);
            String more = model.unfinishedJobs().size() > 1 ? " (" + (model.unfinishedJobs().size() - 1)
                    + " more)" : "";
            return "A delete did not finish: " + job.header().intent() + " in " + job.header().bucket()
                    + ", started " + job.header().started() + "; " + job.recorded() + " of "
                    + job.header().plannedItems() + " items have an outcome." + more;
        }, model.unfinishedJobs()));
        Button review = new Button("Review");
        review.setId("reviewJob");
        review.setOnAction(e -> model.reviewJob(model.unfinishedJobs().get(0)));
        Button resume = new Button("Resume…");
        resume.setId("resumeJob");
        resume.setTooltip(new Tooltip("Offer what was not confirmed deleted as a new delete, to check and confirm"));
        resume.setOnAction(e -> model.resumeJob(model.unfinishedJobs().get(0)));
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissJob");
        dismiss.setOnAction(e -> model.dismissJob(model.unfinishedJobs().get(0)));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(8, new FontIcon(Material2MZ.WARNING), text, review, resume, dismiss);
        banner.setId("unfinishedBanner");
        banner.getStyleClass().add("unfinished-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 8, 6, 8));
        banner.visibleProperty().bind(Bindings.isNotEmpty(model.unfinishedJobs()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static VBox welcome(MainViewModel model) {
        Label title = new Label("Not connected");
        title.getStyleClass().add("title-2");
        Label text = new Label("Connect with an AWS profile or to an S3-compatible endpoint, or try BucketSweep on the"
                + " demo sandbox: a local server with sample buckets, versions and delete markers.");
        text.setWrapText(true);
        text.setMaxWidth(460);
        Button demo = new Button("Open the demo sandbox", new FontIcon(Material2MZ.SCIENCE));
        demo.setId("welcomeDemo");
        demo.setDefaultButton(true);
        demo.setOnAction(e -> model.openDemoSandbox());
        demo.disableProperty().bind(model.connectingProperty());
        Button connect = new Button("Connect…", new FontIcon(Material2AL.LINK));
        connect.setId("welcomeConnect");
        connect.setOnAction(e -> model.chooseConnection());
        Button space = new Button("_Where's the space?", new FontIcon(Material2MZ.PIE_CHART));
        space.setId("whereIsTheSpace");
        space.setTooltip(new Tooltip("Which folders of this bucket or folder hold the bytes: current, noncurrent,"
                + " delete markers, incomplete uploads (Ctrl+U)"));
        space.setOnAction(e -> model.whereIsTheSpace());
        space.disableProperty().bind(model.browser().bucketProperty().isNull());
        connect.disableProperty().bind(model.connectingProperty());
        HBox buttons = new HBox(10, demo, connect);
        buttons.setAlignment(Pos.CENTER);
        VBox welcome = new VBox(14, new FontIcon(Material2AL.CLOUD_QUEUE), title, text, buttons);
        welcome.setAlignment(Pos.CENTER);
        welcome.getStyleClass().add("welcome");
        return welcome;
    }
}
