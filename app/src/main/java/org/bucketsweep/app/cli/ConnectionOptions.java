package org.bucketsweep.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bucketsweep.model.connection.AwsProfiles;
import org.bucketsweep.model.connection.ConnectionSettings;
import org.bucketsweep.model.connection.CredentialsSource;
import org.bucketsweep.model.connection.S3Connection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The connection options both commands share. */
final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", order = 100,
            description = "Profile of ~/.aws/config and ~/.aws/credentials to take the keys (and region) from.")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL", order = 101,
            description = {"S3-compatible endpoint (MinIO, Ceph RGW, IBM COS, a local server) instead of AWS.",
                    "Keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or from the"
                    + " SDK's default chain when those are not set (or from --profile)."})
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", order = 102,
            description = "Signing region. Default: the profile's, else AWS_REGION, else us-east-1.")
    String region;

    @Option(names = "--path-style", order = 103,
            description = "Address buckets as http://host/bucket (most S3-compatible servers need this).")
    boolean pathStyle;

    /** The connection to open, with the keys from {@code --profile} or the environment. */
    ConnectionSettings settings(Map<String, String> env) {
        URI uri = endpoint == null ? null : endpointUri(endpoint);
        CredentialsSource credentials;
        String regionToUse = region;
        if (profile != null) {
            if (profile.isBlank()) {
                throw usage("--profile needs a name.");
            }
            if (profiles(env).list().stream().noneMatch(p -> p.name().equals(profile))) {
                throw usage("There is no profile '" + profile + "' in ~/.aws/config or ~/.aws/credentials"
                        + " (or the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name).");
            }
            credentials = new CredentialsSource.Profile(profile);
        } else {
            credentials = keysFrom(env);
            if (regionToUse == null) {
                regionToUse = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
            }
        }
        return new ConnectionSettings("command line", uri, regionToUse, pathStyle, credentials);
    }

    /**
     * Opens the connection; a role profile with {@code mfa_serial} asks for its code on the terminal (without echo),
     * and fails with MfaCodeNotGiven where there is none.
     */
    S3Connection open(CliContext context) {
        return S3Connection.open(settings(context.env()), profiles(context.env()), (profileName, serial) -> {
            MfaConsole console = context.console().get();
            if (console == null) {
                return Optional.empty();
            }
            char[] typed = console.readCode("MFA code for " + serial + " (profile " + profileName + "): ");
            if (typed == null) {
                return Optional.empty();
            }
            try {
                String code = new String(typed).trim();
                return code.isEmpty() ? Optional.empty() : Optional.of(code);
            } finally {
                Arrays.fill(typed, ' ');
            }
        });
    }

    /** The AWS config and credentials files as this run's environment names them. */
    private static AwsProfiles profiles(Map<String, String> env) {
        return AwsProfiles.fromEnvironment(env, AwsProfiles.homeOf(env, System.getProperty("user.home")));
    }

    private CredentialsSource keysFrom(Map<String, String> env) {
        String id = firstSet(env, "AWS_ACCESS_KEY_ID");
        String secret = firstSet(env, "AWS_SECRET_ACCESS_KEY");
        if (id == null && secret == null) {
            return new CredentialsSource.DefaultChain();
        }
        if (id == null || secret == null) {
            throw usage((id == null ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"
                    : "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not") + "; set both, or use --profile.");
        }
        return new CredentialsSource.StaticKeys(id, secret, firstSet(env, "AWS_SESSION_TOKEN"));
    }

    private URI endpointUri(String text) {
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw usage("--endpoint must be an http:// or https:// URL with a host, not '" + text + "'.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw usage("--endpoint must be an http:// or https:// URL with a host, not '" + text + "'.");
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
