package org.bucketsweep.app.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a command-line run talks to, so that tests can run it in-process.
 *
 * @param out         JSON Lines and help text; written as UTF-8 bytes and flushed page by page
 * @param err         previews, summaries, prompts and errors
 * @param in          read by {@code --items -}
 * @param env         the environment variables (AWS_ACCESS_KEY_ID, ...)
 * @param console     where a person can type an MFA code; the supplier returns {@code null} when there is no
 *                    terminal
 * @param interrupts  what Ctrl+C does while a delete job runs
 * @param mfaCodeWait how long to wait for an MFA code command to print a code that was not used yet (one TOTP
 *                    period)
 */
public record CliContext(OutputStream out, PrintStream err, InputStream in, Map<String, String> env,
                         Supplier<MfaConsole> console, Interrupts interrupts, Duration mfaCodeWait) {

    public static final Duration TOTP_PERIOD_WAIT = Duration.ofSeconds(35);

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(mfaCodeWait, "mfaCodeWait");
    }

    /**
     * The process's own streams. Standard output is the file descriptor itself rather than {@link System#out}, so
     * that a closed pipe ({@code | head}) is an error the command sees instead of one a PrintStream swallows.
     */
    public static CliContext system() {
        return new CliContext(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024),
                System.err, System.in, System.getenv(), MfaConsole::system, Interrupts.shutdownHook(),
                TOTP_PERIOD_WAIT);
    }
}
