package org.bucketsweep.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bucketsweep.model.connection.S3Connection;

/**
 * The buckets that the listing and UI benches read, seeded once by the suite on the local-s3 in its own JVM (so
 * that the benches' heaps and pauses are theirs alone), and described to them in a JSON file.
 *
 * <p>Arguments (under {@code fixture.}): {@code versions} (default 1,000,000; quick 100,000: versions and delete
 * markers together), {@code versions-per-key} (4), {@code marker-every} (10: every 10th key's newest entry is a
 * delete marker, so 1,000,000 entries are 250,000 keys, 975,000 versions and 25,000 markers), {@code flat-objects}
 * (100,000; quick 10,000: an unversioned bucket listed at all depths).
 */
record ListingFixtures(URI endpoint, Fixture versioned, Fixture flat) {

    /** One seeded bucket. */
    record Fixture(String bucket, int keys, int versions, int deleteMarkers, double seedingSeconds) {
        int entries() {
            return versions + deleteMarkers;
        }
    }

    static final Set<String> ARGS = Set.of("versions", "versions-per-key", "marker-every", "flat-objects");
    private static final ObjectMapper JSON = new ObjectMapper();

    static ListingFixtures seed(URI endpoint, BenchArgs args, boolean quick) throws Exception {
        int entries = args.positiveInt("fixture.versions", quick ? 100_000 : 1_000_000);
        int perKey = args.positiveInt("fixture.versions-per-key", 4);
        int markerEvery = args.positiveInt("fixture.marker-every", 10);
        int flatObjects = args.positiveInt("fixture.flat-objects", quick ? 10_000 : 100_000);
        try (S3Connection connection = LocalS3Server.connectTo(endpoint)) {
            BucketSeeder seeder = new BucketSeeder(endpoint, connection.client());
            System.out.printf(Locale.ROOT, "Seeding %,d versions and delete markers (%d per key) and %,d objects%n",
                    entries, perKey, flatObjects);
            BucketSeeder.Seeding versions = seeder.versioned("listing-versions", entries, perKey, markerEvery);
            System.out.println("  listing-versions: " + versions.describe());
            BucketSeeder.Seeding objects = seeder.unversioned("listing-flat", flatObjects);
            System.out.println("  listing-flat: " + objects.describe());
            return new ListingFixtures(endpoint,
                    new Fixture(versions.bucket(), (entries + perKey - 1) / perKey, versions.versions(),
                            versions.deleteMarkers(), versions.seconds()),
                    new Fixture(objects.bucket(), flatObjects, objects.versions(), 0, objects.seconds()));
        }
    }

    /** The seeding, for the document and the summary table. */
    BenchResult result() {
        String markdown = String.format(Locale.ROOT, "- `%s`: %,d keys with %,d versions and %,d delete markers"
                        + " (%,d entries), seeded in %.1f s (%,.0f entries/s).%n- `%s` (never versioned): %,d objects,"
                        + " seeded in %.1f s (%,.0f/s).%n- Seeding: unsigned PUTs and DELETEs of 32-byte objects,"
                        + " %d connections with %d requests in flight each, against local-s3 2.4 in memory in the"
                        + " suite's JVM.%n",
                versioned.bucket, versioned.keys, versioned.versions, versioned.deleteMarkers, versioned.entries(),
                versioned.seedingSeconds, versioned.entries() / versioned.seedingSeconds, flat.bucket,
                flat.versions, flat.seedingSeconds, flat.versions / flat.seedingSeconds, BucketSeeder.CONNECTIONS,
                BucketSeeder.WINDOW);
        return new BenchResult("seeding", markdown, List.of(
                new BenchResult.Figure("Seeding", String.format(Locale.ROOT, "%,d versions and delete markers",
                        versioned.entries()), String.format(Locale.ROOT, "%.1f s (%,.0f/s)",
                        versioned.seedingSeconds, versioned.entries() / versioned.seedingSeconds)),
                new BenchResult.Figure("Seeding", String.format(Locale.ROOT, "%,d objects", flat.versions),
                        String.format(Locale.ROOT, "%.1f s (%,.0f/s)", flat.seedingSeconds,
                                flat.versions / flat.seedingSeconds))), true);
    }

    void writeTo(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    static ListingFixtures readFrom(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ListingFixtures.class);
    }
}
