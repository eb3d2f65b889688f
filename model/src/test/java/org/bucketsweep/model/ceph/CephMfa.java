package org.bucketsweep.model.ceph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fresh MFA header values for the Ceph test cluster. Ceph's OTP check accepts each 30 s step's code once per serial
 * and never an older step after a newer one, so codes are handed out from several serials sharing one seed, and the
 * source waits for the next step when every serial has used the current one.
 */
final class CephMfa {

    private static final long STEP_SECONDS = 30;

    private final byte[] seed;
    private final List<String> serials;
    private final Map<String, Long> lastStepUsed = new HashMap<>();
    /** The steps used survive the JVM: a second test run within 30 s must not repeat a code the cluster saw. */
    private final Path state;

    CephMfa(String seedHex, List<String> serials) {
        this.seed = HexFormat.of().parseHex(seedHex);
        this.serials = List.copyOf(serials);
        this.state = Path.of(System.getProperty("java.io.tmpdir"),
                "bucketsweep-ceph-mfa-" + seedHex.substring(0, 8) + ".properties");
        Properties saved = new Properties();
        try (var in = Files.newInputStream(state)) {
            saved.load(in);
            saved.forEach((serial, step) -> lastStepUsed.put((String) serial, Long.parseLong((String) step)));
        } catch (IOException | NumberFormatException e) {
            // No state yet: nothing used.
        }
    }

    /** "SERIAL CODE" that the server has not seen; may wait up to one step. */
    synchronized String next() {
        while (true) {
            long step = Instant.now().getEpochSecond() / STEP_SECONDS;
            for (String serial : serials) {
                if (lastStepUsed.getOrDefault(serial, -1L) < step) {
                    lastStepUsed.put(serial, step);
                    save();
                    return serial + " " + code(step);
                }
            }
            sleepUntilStep(step + 1);
        }
    }

    private void save() {
        Properties out = new Properties();
        lastStepUsed.forEach((serial, step) -> out.setProperty(serial, Long.toString(step)));
        try (var o = Files.newOutputStream(state)) {
            out.store(o, "last TOTP step used per serial");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 6238 TOTP with HMAC-SHA1 and six digits, as radosgw-admin's totp devices use. */
    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntilStep(long step) {
        long millis = step * STEP_SECONDS * 1000 - System.currentTimeMillis() + 200;
        try {
            Thread.sleep(Math.max(50, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
