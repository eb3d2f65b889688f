package org.bucketsweep.model.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.bucketsweep.model.browse.BucketBrowser;
import org.bucketsweep.model.browse.BucketSummary;
import org.bucketsweep.model.testing.FaultProxy;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.model.testing.TestBuckets;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Clients per region. An AWS connection cannot be tested offline, so these tests open a connection that keeps
 * clients per region like an AWS one but sends every region's requests to the test server (through a proxy that
 * shows what was sent); a custom-endpoint connection must keep its single region.
 */
class RegionalClientsTest {

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    @Test
    void eachRegionGetsItsClientsOnceAndTheyAreReused() {
        try (S3Connection connection = S3Connection.openWithRegions(settings(server.getUri()),
                region -> server.getUri())) {
            connection.rememberRegion("in-ireland", "eu-west-1");
            connection.rememberRegion("in-ohio", "us-east-2");

            S3Client ireland = connection.client("in-ireland");
            assertThat(regionOf(ireland)).isEqualTo("eu-west-1");
            assertThat(regionOf(connection.client("in-ohio"))).isEqualTo("us-east-2");
            assertThat(connection.client("in-ireland")).as("reused").isSameAs(ireland);
            connection.rememberRegion("also-in-ireland", "eu-west-1");
            assertThat(connection.client("also-in-ireland")).as("one client per region").isSameAs(ireland);
            assertThat(regionOf(connection.clientWithoutRetries("in-ireland"))).isEqualTo("eu-west-1");
            assertThat(connection.clientWithoutRetries("in-ireland")).isNotSameAs(ireland);
            assertThat(regionOf(connection.client())).as("the connection's own region").isEqualTo("us-east-1");
        }
    }

    @Test
    void anUnknownBucketsRegionIsAskedOnceAndRemembered() throws IOException {
        createBucket("somewhere");
        try (FaultProxy wire = FaultProxy.start(server.getUri());
             S3Connection connection = S3Connection.openWithRegions(settings(wire.uri()), region -> wire.uri())) {

            String region = connection.regionOf("somewhere");
            List<RecordedRequest> lookups = wire.requests();
            connection.regionOf("somewhere");
            connection.client("somewhere");

            assertThat(region).as("S3Proxy has one region").isEqualTo("us-east-1");
            assertThat(lookups).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path()).isEqualTo("/somewhere"));
            assertThat(wire.requests()).as("no second lookup").hasSameSizeAs(lookups);
        }
    }

    @Test
    void theRegionAServerNamesOnARefusedHeadBucketIsTaken() throws IOException {
        try (FaultProxy wire = FaultProxy.start(server.getUri());
             S3Connection connection = S3Connection.openWithRegions(settings(wire.uri()), region -> wire.uri())) {
            // S3 answers a HeadBucket sent to the wrong region with 301, no body and the bucket's region in a
            // header. S3Proxy knows no regions, so the proxy plays S3 here.
            wire.setPolicy(r -> r.method().equals("HEAD")
                    ? FaultProxy.Fault.emptyStatus(301, Map.of("x-amz-bucket-region", "ap-southeast-2"))
                    : FaultProxy.Fault.pass());

            assertThat(connection.regionOf("far-away")).isEqualTo("ap-southeast-2");
            assertThat(wire.requests()).extracting(RecordedRequest::method).containsExactly("HEAD");
        }
    }

    @Test
    void withoutTheHeaderGetBucketLocationNamesTheRegion() throws IOException {
        try (FaultProxy wire = FaultProxy.start(server.getUri());
             S3Connection connection = S3Connection.openWithRegions(settings(wire.uri()), region -> wire.uri())) {
            // The oldest Ireland buckets answer GetBucketLocation with "EU".
            wire.setPolicy(r -> r.method().equals("HEAD") ? FaultProxy.Fault.emptyStatus(301)
                    : FaultProxy.Fault.xml("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">EU"
                            + "</LocationConstraint>"));

            assertThat(connection.regionOf("old-irish")).isEqualTo("eu-west-1");
            assertThat(wire.requests()).extracting(RecordedRequest::method).containsExactly("HEAD", "GET");
        }
    }

    @Test
    void listingBucketsOnAwsAsksForPagesAndOtherServersGetThePlainRequest() throws IOException {
        createBucket("one");
        try (FaultProxy wire = FaultProxy.start(server.getUri())) {
            try (S3Connection aws = S3Connection.openWithRegions(settings(wire.uri()), region -> wire.uri())) {
                assertThat(new BucketBrowser(aws).listBuckets()).extracting(BucketSummary::name)
                        .containsExactly("one");
            }
            assertThat(wire.requests()).singleElement()
                    .satisfies(r -> assertThat(r.target()).contains("max-buckets=1000"));

            wire.clear();
            try (S3Connection custom = S3Connection.open(settings(wire.uri()))) {
                assertThat(new BucketBrowser(custom).listBuckets()).extracting(BucketSummary::name)
                        .containsExactly("one");
                assertThat(custom.client("one")).as("one region on a custom endpoint").isSameAs(custom.client());
                assertThat(custom.regionOf("one")).isEqualTo("us-east-1");
            }
            assertThat(wire.requests()).as("no max-buckets, no region lookups").singleElement()
                    .satisfies(r -> assertThat(r.target()).doesNotContain("max-buckets"));
        }
    }

    @Test
    void closingClosesEveryRegionsClients() {
        S3Connection connection = S3Connection.openWithRegions(settings(server.getUri()), region -> server.getUri());
        connection.rememberRegion("far", "ap-southeast-2");
        S3Client far = connection.client("far");
        S3Client home = connection.client();
        far.listBuckets();

        connection.close();

        // A closed SDK client refuses work with one of these, before anything reaches the network.
        assertThatThrownBy(far::listBuckets)
                .isInstanceOfAny(IllegalStateException.class, RejectedExecutionException.class);
        assertThatThrownBy(home::listBuckets)
                .isInstanceOfAny(IllegalStateException.class, RejectedExecutionException.class);
        connection.rememberRegion("north", "eu-north-1");
        assertThatThrownBy(() -> connection.client("north")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private void createBucket(String name) {
        try (S3Connection seed = S3Connection.open(settings(server.getUri()))) {
            new TestBuckets(seed.client()).plainBucket(name);
        }
    }

    private static String regionOf(S3Client client) {
        Region region = client.serviceClientConfiguration().region();
        return region.id();
    }

    private static ConnectionSettings settings(URI endpoint) {
        return TestBuckets.settings(endpoint);
    }

}
