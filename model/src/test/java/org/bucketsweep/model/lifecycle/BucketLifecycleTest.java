package org.bucketsweep.model.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.testing.FaultProxy.Fault;
import org.bucketsweep.model.testing.FaultProxy.RecordedRequest;
import org.bucketsweep.model.testing.LifecycleStandIn;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lifecycle calls on S3Proxy, which has no lifecycle support: its NotImplemented must read clearly. Where a test
 * needs a server with rules, the fault proxy answers the lifecycle requests with what such a server would, and
 * records the body the SDK sends, which must be what the preview showed.
 */
class BucketLifecycleTest {

    private static final String EXISTING = """
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ID>archive-logs</ID>\
            <Filter><And><Prefix>logs/</Prefix><Tag><Key>tier</Key><Value>cold</Value></Tag>\
            <ObjectSizeGreaterThan>1024</ObjectSizeGreaterThan></And></Filter><Status>Enabled</Status>\
            <Transition><Days>30</Days><StorageClass>GLACIER</StorageClass></Transition>\
            <NoncurrentVersionTransition><NoncurrentDays>10</NoncurrentDays><StorageClass>STANDARD_IA</StorageClass>\
            </NoncurrentVersionTransition></Rule>\
            <Rule><ID>old</ID><Prefix>tmp/</Prefix><Status>Disabled</Status>\
            <Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration></Rule></LifecycleConfiguration>""";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private ProxiedConnection proxied;

    @BeforeEach
    void connect() throws Exception {
        proxied = ProxiedConnection.to(server.getUri());
        proxied.buckets().versionedBucket("media");
    }

    @AfterEach
    void close() {
        proxied.close();
    }

    @Test
    void aServerWithoutLifecycleSupportGetsAClearMessage() {
        BucketLifecycle lifecycle = new BucketLifecycle(proxied.connection());

        assertThatThrownBy(() -> lifecycle.read("media")).isInstanceOfSatisfying(LifecycleException.class, e -> {
            S3Failure failure = e.failure();
            assertThat(failure.code()).isEqualTo("NotImplemented");
            assertThat(failure.message()).contains("does not support lifecycle rules");
            assertThat(failure.hint()).contains("Delete with BucketSweep instead");
        });
    }

    @Test
    void theBodySentIsExactlyThePreviewedXmlAndKeepsTheOtherRules() {
        serveLifecycleFromMemory(EXISTING);
        BucketLifecycle lifecycle = new BucketLifecycle(proxied.connection());

        LifecycleChange change = lifecycle.planAdd("media", new SweepRule("a&<b>/ü", 30, 2, true, 7));
        lifecycle.apply("media", change);

        assertThat(change.kept()).extracting(r -> r.id()).containsExactly("archive-logs", "old");
        RecordedRequest put = proxied.proxy().requests().stream()
                .filter(r -> r.method().equals("PUT") && r.hasQueryParameter("lifecycle")).findFirst().orElseThrow();
        assertThat(new String(put.body(), StandardCharsets.UTF_8)).isEqualTo(LifecycleXml.render(change.after()));
        assertThat(LifecycleXml.render(change.after())).contains("<Tag><Key>tier</Key><Value>cold</Value></Tag>")
                .contains("<Date>2030-01-01T00:00:00Z</Date>");
    }

    @Test
    void rulesChangedSinceThePreviewAreNotOverwritten() {
        serveLifecycleFromMemory(EXISTING);
        BucketLifecycle lifecycle = new BucketLifecycle(proxied.connection());
        LifecycleChange stale = LifecycleChange.add(LifecycleConfig.EMPTY, new SweepRule("", 1, null, false, null));

        assertThatThrownBy(() -> lifecycle.apply("media", stale)).isInstanceOfSatisfying(LifecycleException.class,
                e -> assertThat(e.failure().code()).isEqualTo("RulesChanged"));
        assertThat(proxied.proxy().requests()).noneMatch(r -> r.method().equals("PUT")
                && r.hasQueryParameter("lifecycle"));
    }

    private void serveLifecycleFromMemory(String initial) {
        proxied.proxy().setPolicy(new LifecycleStandIn(initial));
    }

    @Test
    void accessDeniedNamesThePermissionsNeeded() {
        proxied.proxy().setPolicy(Fault.always(r -> r.hasQueryParameter("lifecycle"),
                Fault.status(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> new BucketLifecycle(proxied.connection()).read("media"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.failure().code()).isEqualTo("AccessDenied");
                    assertThat(e.failure().hint()).contains("s3:GetLifecycleConfiguration");
                });
    }

    @Test
    void noConfigurationYetIsNoRules() {
        proxied.proxy().setPolicy(Fault.always(r -> r.hasQueryParameter("lifecycle"),
                Fault.status(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")));

        assertThat(new BucketLifecycle(proxied.connection()).read("media").rules()).isEqualTo(List.of());
    }
}
