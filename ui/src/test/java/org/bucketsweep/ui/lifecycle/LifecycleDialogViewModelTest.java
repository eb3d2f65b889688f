package org.bucketsweep.ui.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.RuleSummary;
import org.bucketsweep.model.lifecycle.SweepRule;
import org.bucketsweep.model.testing.LifecycleStandIn;
import org.bucketsweep.model.testing.ProxiedConnection;
import org.bucketsweep.model.testing.S3ProxyServer;
import org.bucketsweep.ui.lifecycle.LifecycleDialogViewModel.Mode;
import org.bucketsweep.ui.testing.DirectTaskRunner;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle dialog's model without a window, on S3Proxy with a {@link LifecycleStandIn} answering the lifecycle
 * requests (S3Proxy has none; one test checks what a person sees then).
 */
class LifecycleDialogViewModelTest {

    static final String THEIRS = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Rule><ID>their-rule</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status>"
            + "<Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyServer.extension();

    private ProxiedConnection s3;
    private LifecycleStandIn lifecycle;

    @BeforeEach
    void connect() throws Exception {
        s3 = ProxiedConnection.to(server.getUri());
        s3.buckets().versionedBucket("vers");
        lifecycle = new LifecycleStandIn(THEIRS);
        s3.proxy().setPolicy(lifecycle);
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void theSuggestedRuleIsShownMergedExplainedAndAppliedKeepingTheOtherRule() {
        LifecycleDialogViewModel model = open(new SweepRule("backups/", 30, 2, false, null));

        assertThat(model.existingRules()).extracting(RuleSummary::id).containsExactly("their-rule");
        assertThat(model.xmlProperty().get()).contains("<ID>their-rule</ID>", "<ID>bucketsweep-backups/</ID>",
                "<NoncurrentDays>30</NoncurrentDays>", "<NewerNoncurrentVersions>2</NewerNoncurrentVersions>");
        assertThat(model.explanationProperty().get()).contains("after it became noncurrent",
                "except the newest 2", "asynchronous", "1 other rule is kept");
        assertThat(model.canApplyProperty().get()).isTrue();

        model.apply();

        assertThat(model.statusProperty().get()).contains("Done: rule bucketsweep-backups/ is in place");
        assertThat(lifecycle.stored()).contains("<ID>their-rule</ID>", "<ID>bucketsweep-backups/</ID>");
        assertThat(model.existingRules()).extracting(RuleSummary::id, RuleSummary::ours).containsExactly(
                org.assertj.core.groups.Tuple.tuple("their-rule", false),
                org.assertj.core.groups.Tuple.tuple("bucketsweep-backups/", true));
    }

    @Test
    void changingTheRuleMergesAgainAndAnInvalidOneCannotBeApplied() {
        LifecycleDialogViewModel model = open(new SweepRule("", 1, 3, false, null));

        model.expiredMarkersProperty().set(true);
        assertThat(model.xmlProperty().get()).contains("<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker>");

        model.noncurrentDaysProperty().set(null);
        assertThat(model.problemProperty().get()).contains("NewerNoncurrentVersions");
        assertThat(model.canApplyProperty().get()).isFalse();
        assertThat(model.xmlProperty().get()).isEmpty();
    }

    @Test
    void removingTakesOnlyBucketSweepsRules() {
        lifecycle = new LifecycleStandIn(THEIRS.replace("</LifecycleConfiguration>",
                "<Rule><ID>bucketsweep-old/</ID><Filter><Prefix>old/</Prefix></Filter><Status>Enabled</Status>"
                + "<Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>"
                + "</LifecycleConfiguration>"));
        s3.proxy().setPolicy(lifecycle);
        LifecycleDialogViewModel model = open(null);
        assertThat(model.canApplyProperty().get()).as("no rule chosen yet").isFalse();

        model.modeProperty().set(Mode.REMOVE_OURS);
        assertThat(model.explanationProperty().get()).contains("Removes bucketsweep-old/", "1 other rule is kept");
        model.apply();

        assertThat(lifecycle.stored()).contains("their-rule").doesNotContain("bucketsweep-old/");
        assertThat(model.existingRules()).extracting(RuleSummary::id).containsExactly("their-rule");
        assertThat(model.canApplyProperty().get()).as("nothing left to remove").isFalse();
    }

    @Test
    void aServerWithoutLifecycleSupportSaysSoAndNothingCanBeApplied() {
        s3.proxy().setPolicy(request -> org.bucketsweep.model.testing.FaultProxy.Fault.pass());

        LifecycleDialogViewModel model = open(new SweepRule("", 1, null, false, null));

        assertThat(model.problemProperty().get()).contains("does not support lifecycle rules",
                "Delete with BucketSweep instead");
        assertThat(model.canApplyProperty().get()).isFalse();
    }

    private LifecycleDialogViewModel open(SweepRule suggested) {
        return new LifecycleDialogViewModel(new DirectTaskRunner(), new BucketLifecycle(s3.connection()), "vers",
                suggested);
    }
}
