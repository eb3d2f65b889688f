package org.bucketsweep.model.connection;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.ProfileFile;

/** The profiles of {@code ~/.aws/config} and {@code ~/.aws/credentials} (or the files the environment names). */
public final class AwsProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(AwsProfiles.class);

    private AwsProfiles() {
    }

    /** Profile names, sorted; empty when there are no such files or they cannot be read. Reads files: not on the UI thread. */
    public static List<String> names() {
        try {
            return ProfileFile.defaultProfileFile().profiles().keySet().stream().sorted().toList();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the AWS config files: {}", e.getMessage());
            return List.of();
        }
    }
}
