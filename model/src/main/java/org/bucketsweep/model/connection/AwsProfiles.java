package org.bucketsweep.model.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles of the AWS config and credentials files: {@code ~/.aws/config} and {@code ~/.aws/credentials}, or
 * the files {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} name. The files are read again on each
 * call, so a profile added while the app runs (or an {@code aws sso login}) is seen; reading them is file I/O, so
 * call off the UI thread.
 */
public final class AwsProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(AwsProfiles.class);
    private static final String DEFAULT_PROFILE = "default";
    /** A profile property the SDK has no constant for in {@link ProfileProperty}. */
    private static final String SSO_SESSION = "sso_session";

    private final Path configFile;
    private final Path credentialsFile;
    private final String preferred;

    private AwsProfiles(Path configFile, Path credentialsFile, String preferred) {
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        this.preferred = preferred == null || preferred.isBlank() ? DEFAULT_PROFILE : preferred.trim();
    }

    /** The files this process's environment names, under this user's home folder. */
    public static AwsProfiles forThisUser() {
        return fromEnvironment(System.getenv(), homeOf(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * The folder {@code ~} stands for: {@code HOME} when set, as the AWS CLI and the SDK's own default profile file
     * read it, else Java's {@code user.home} (which on Linux comes from the password database, not from
     * {@code HOME}).
     */
    public static Path homeOf(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? userHome : home);
    }

    /** The files and preferred profile that these environment variables name, with {@code home} for {@code ~}. */
    public static AwsProfiles fromEnvironment(Map<String, String> env, Path home) {
        Path aws = home.resolve(".aws");
        return new AwsProfiles(
                pathOr(env.get("AWS_CONFIG_FILE"), home, aws.resolve("config")),
                pathOr(env.get("AWS_SHARED_CREDENTIALS_FILE"), home, aws.resolve("credentials")),
                env.get("AWS_PROFILE"));
    }

    /** Explicit files; either may be missing. {@code preferred} as {@code AWS_PROFILE}, or {@code null}. */
    public static AwsProfiles of(Path configFile, Path credentialsFile, String preferred) {
        return new AwsProfiles(configFile, credentialsFile, preferred);
    }

    /** The profile to offer first: {@code AWS_PROFILE}, else {@code default}. */
    public String preferredProfile() {
        return preferred;
    }

    /**
     * Both files as one, as the SDK reads them: a profile may be spread over the two, and where both set a
     * property the credentials file wins. A missing file counts as empty.
     *
     * @throws RuntimeException when a file exists but cannot be read or parsed
     */
    public ProfileFile read() {
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        if (Files.isRegularFile(configFile)) {
            files.addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentialsFile)) {
            files.addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return files.build();
    }

    /** Every profile, sorted by name; empty (and a warning logged) when the files cannot be read. */
    public List<AwsProfile> list() {
        ProfileFile files;
        try {
            files = read();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the AWS config files {} and {}: {}", configFile, credentialsFile,
                    e.getMessage());
            return List.of();
        }
        List<AwsProfile> profiles = new ArrayList<>();
        files.profiles().values().forEach(p -> profiles.add(describe(files, p)));
        profiles.sort((a, b) -> a.name().compareTo(b.name()));
        return profiles;
    }

    /** One profile, read now. */
    public Optional<AwsProfile> find(String name) {
        ProfileFile files = read();
        return files.profile(name).map(p -> describe(files, p));
    }

    static AwsProfile describe(ProfileFile files, Profile profile) {
        String region = profile.property(ProfileProperty.REGION).map(String::trim).orElse(null);
        URI endpoint = s3Endpoint(files, profile);
        return new AwsProfile(profile.name(), kindOf(profile), region, endpoint,
                profile.property("s3.addressing_style").map(s -> s.trim().equalsIgnoreCase("path"))
                        .orElse(onlyPathStyleWorks(endpoint)),
                profile.property(ProfileProperty.MFA_SERIAL).map(String::trim).orElse(null));
    }

    /** Follows the order in which the SDK's ProfileCredentialsProvider looks at the properties. */
    static ProfileKind kindOf(Profile profile) {
        if (has(profile, ProfileProperty.ROLE_ARN)) {
            if (has(profile, ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
                return ProfileKind.WEB_IDENTITY;
            }
            return has(profile, ProfileProperty.MFA_SERIAL) ? ProfileKind.ROLE_WITH_MFA : ProfileKind.ROLE;
        }
        if (has(profile, SSO_SESSION) || has(profile, ProfileProperty.SSO_START_URL)) {
            return ProfileKind.SSO;
        }
        if (has(profile, ProfileProperty.AWS_SESSION_TOKEN)) {
            return ProfileKind.SESSION_TOKEN;
        }
        if (has(profile, ProfileProperty.AWS_ACCESS_KEY_ID)) {
            return ProfileKind.KEYS;
        }
        if (has(profile, ProfileProperty.CREDENTIAL_PROCESS)) {
            return ProfileKind.CREDENTIAL_PROCESS;
        }
        return ProfileKind.NO_CREDENTIALS;
    }

    /**
     * The endpoint for S3: the {@code [services NAME]} section's {@code s3 = endpoint_url} wins over the profile's
     * own {@code endpoint_url}, as in the AWS CLI.
     */
    private static URI s3Endpoint(ProfileFile files, Profile profile) {
        Optional<String> fromServices = profile.property("services")
                .flatMap(name -> files.getSection("services", name.trim()))
                .flatMap(section -> section.property("s3.endpoint_url"));
        return fromServices.or(() -> profile.property(ProfileProperty.ENDPOINT_URL))
                .map(text -> toUri(profile.name(), text))
                .orElse(null);
    }

    /**
     * Whether a bucket cannot be a host name under this endpoint: an IP address or localhost, as for a local MinIO
     * or Ceph RGW. The AWS CLI addresses buckets by path there when the profile does not say.
     */
    static boolean onlyPathStyleWorks(URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost();
        return host.equalsIgnoreCase("localhost") || host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static URI toUri(String profile, String text) {
        try {
            URI uri = new URI(text.trim());
            return uri.getScheme() == null || uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            LOG.warn("Profile {} has an endpoint_url that is not a URL: {}", profile, text);
            return null;
        }
    }

    private static boolean has(Profile profile, String property) {
        return profile.property(property).filter(v -> !v.isBlank()).isPresent();
    }

    private static Path pathOr(String value, Path home, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String path = value.trim();
        // The SDK and the CLI expand a leading ~ in these variables.
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
            return home.resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path);
    }
}
