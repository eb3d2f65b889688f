package org.bucketsweep.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.bucketsweep.model.usage.FolderUsage;
import org.bucketsweep.ui.main.MainViewModel;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.bucketsweep.ui.testing.FakeDialogs;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Space screen's view model inside the main window's, without a window, against S3Proxy. */
class UsageViewModelTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @TempDir
    Path tmp;

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel main;
    private S3Connection seed;
    private TestBuckets buckets;

    @BeforeEach
    void openBucket() {
        ConnectionSettings settings = TestBuckets.settings(server.getUri());
        seed = S3Connection.open(settings);
        buckets = new TestBuckets(seed.client());
        buckets.versionedBucket("vers");
        buckets.put("vers", "logs/a.log", "a one");
        buckets.put("vers", "logs/a.log", "a two");
        buckets.put("vers", "backups/db", "x".repeat(2_000));
        buckets.put("vers", "backups/db", "y");
        buckets.put("vers", "backups/deep/&<>.txt", "é");
        buckets.addDeleteMarker("vers", "backups/deep/&<>.txt");
        buckets.put("vers", "top.txt", "t");
        main = new MainViewModel(new DirectTaskRunner(), dialogs, () -> settings, s -> { }, null);
        main.connect(settings);
        main.buckets().selectedProperty().set(main.buckets().buckets().get(0));
    }

    @AfterEach
    void close() {
        main.close();
        seed.close();
    }

    @Test
    void beforeAScanTheScreenSaysWhatToDo() {
        assertThat(main.usage().rows()).isEmpty();
        assertThat(main.usage().emptyTextProperty().get()).startsWith("Choose a bucket, then Where's the space?");
    }

    @Test
    void whereIsTheSpaceShowsTheFoldersOfTheOpenBucketMostNoncurrentBytesFirst() {
        int shownBefore = main.usage().shownProperty().get();

        main.whereIsTheSpace();

        UsageViewModel usage = main.usage();
        assertThat(usage.runningProperty().get()).isFalse();
        assertThat(usage.shownProperty().get()).isEqualTo(shownBefore + 1);
        assertThat(usage.scopeProperty().get()).isEqualTo("vers/");
        assertThat(usage.rows()).extracting(f -> f.folder() + " " + f.noncurrentBytes() + " " + f.deleteMarkers())
                .containsExactly("backups/ 2002 1", "logs/ 5 0", " 0 0");
        assertThat(usage.statusProperty().get()).isEqualTo("7 versions in 3 folders: 7 B current, 2.0 KiB"
                + " noncurrent, 0 B in 0 incomplete uploads; 1 delete marker (0 expired).");
        assertThat(usage.emptyTextProperty().get()).startsWith("Nothing here");
    }

    @Test
    void theScanCoversTheFolderTheBrowserShows() {
        main.browser().navigateTo("backups/");

        main.whereIsTheSpace();

        assertThat(main.usage().rows()).extracting(FolderUsage::folder).containsExactly("backups/", "backups/deep/");
    }

    @Test
    void browseOpensTheFolderInTheBrowser() {
        main.whereIsTheSpace();
        FolderUsage logs = main.usage().rows().get(1);

        main.usage().browse(logs);

        assertThat(main.browser().prefixProperty().get()).isEqualTo("logs/");
        assertThat(main.browser().rows()).extracting(e -> e.key()).containsExactly("logs/a.log");
    }

    @Test
    void exportsTheRowsInTheOrderShownAsCsvOrJson() throws Exception {
        main.whereIsTheSpace();
        List<FolderUsage> byName = main.usage().rows().stream()
                .sorted(java.util.Comparator.comparing(FolderUsage::folder)).toList();
        Path csv = tmp.resolve("usage.csv");
        Path json = tmp.resolve("usage.json");

        main.usage().export(csv, byName);
        main.usage().export(json, byName);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("folder,currentObjects,currentBytes,noncurrentVersions,noncurrentBytes");
        assertThat(lines.subList(1, 5)).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("", "backups/", "logs/", "");
        assertThat(lines.get(4)).startsWith(",3,7,3,2007,1,0,0,0,").endsWith(",true");
        String text = Files.readString(json);
        assertThat(text).contains("\"bucket\" : \"vers\"", "\"noncurrentBytes\" : 2007");
        assertThat(text.indexOf("\"backups/\"")).isLessThan(text.indexOf("\"logs/\""));
        assertThat(main.usage().exportStatusProperty().get()).isEqualTo("Exported 3 folders to usage.json.");
    }

    @Test
    void aBucketThatIsGoneIsAFailureInWords() {
        UsageViewModel usage = new UsageViewModel(new DirectTaskRunner(), dialogs);
        usage.connect(new org.bucketsweep.model.usage.UsageScan(seed));

        usage.scan("gone", "", 1);

        assertThat(dialogs.failures).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("NoSuchBucket");
            assertThat(f.message()).isEqualTo("The bucket gone does not exist (any more).");
        });
        assertThat(usage.statusProperty().get()).isEqualTo("The scan failed.");
        assertThat(usage.runningProperty().get()).isFalse();
    }
}
