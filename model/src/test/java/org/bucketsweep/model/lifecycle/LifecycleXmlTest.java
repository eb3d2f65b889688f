package org.bucketsweep.model.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The XML a person previews, element by element. */
class LifecycleXmlTest {

    @Test
    void bucketSweepsRuleHasAFilterByPrefixAndOnlyTheActionsAskedFor() {
        SweepRule rule = new SweepRule("logs/", 30, 3, true, 7);

        assertThat(LifecycleXml.pretty(new LifecycleConfig(List.of(rule.toSdk())))).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Rule>
                    <Expiration>
                      <ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker>
                    </Expiration>
                    <ID>bucketsweep-logs/</ID>
                    <Filter>
                      <Prefix>logs/</Prefix>
                    </Filter>
                    <Status>Enabled</Status>
                    <NoncurrentVersionExpiration>
                      <NoncurrentDays>30</NoncurrentDays>
                      <NewerNoncurrentVersions>3</NewerNoncurrentVersions>
                    </NoncurrentVersionExpiration>
                    <AbortIncompleteMultipartUpload>
                      <DaysAfterInitiation>7</DaysAfterInitiation>
                    </AbortIncompleteMultipartUpload>
                  </Rule>
                </LifecycleConfiguration>""");
    }

    @Test
    void theWholeBucketIsAnEmptyPrefixAndKeysAreEscaped() {
        String xml = LifecycleXml.render(new LifecycleConfig(List.of(
                new SweepRule("", 1, null, false, null).toSdk(),
                new SweepRule("a&<b>\"'/", null, null, true, null).toSdk())));

        assertThat(xml).contains("<ID>bucketsweep-whole-bucket</ID><Filter><Prefix></Prefix></Filter>")
                .contains("<Prefix>a&amp;&lt;b&gt;&quot;&apos;/</Prefix>")
                .doesNotContain("\n");
    }

    @Test
    void anEmptyConfigurationHasNoRules() {
        assertThat(LifecycleXml.render(LifecycleConfig.EMPTY))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "</LifecycleConfiguration>");
    }
}
