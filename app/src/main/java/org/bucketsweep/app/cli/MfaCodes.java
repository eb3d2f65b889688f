package org.bucketsweep.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.MfaCancelledException;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.MfaRequest;

/**
 * MFA codes for the command line: from a command ({@code --mfa-code-command}) or typed at the terminal. A code is
 * never printed or logged. Both stop waiting when the job is cancelled.
 */
final class MfaCodes {

    /** How long one run of the code command may take. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private MfaCodes() {
    }

    /**
     * Runs {@code command} before each request that needs a code; its trimmed output is the code. A TOTP code is
     * good once, so when the command prints a code that was already sent (the next request came within the same
     * 30-second period) it is run again about once a second until it prints a new one, for at most {@code wait}.
     */
    static MfaCodeSupplier fromCommand(String serial, String command, Duration wait, PrintStream err,
                                       CancellationToken cancel) {
        Set<String> used = new HashSet<>();
        return new MfaCodeSupplier() {
            private String last;

            @Override
            public synchronized String serialAndCode(MfaRequest request) throws MfaCancelledException {
                if (request.refusal() != null && !request.refusal().contains("already used")) {
                    err.println("MFA: " + request.refusal());
                }
                if (last != null && request.refusal() != null && request.refusal().contains("already used")) {
                    used.add(last);
                }
                String code = run(command, err, cancel);
                if (used.contains(code)) {
                    err.println("MFA: the code command printed a code that was already used; waiting for the next"
                            + " code (at most " + wait.toSeconds() + " s).");
                    long deadline = System.nanoTime() + wait.toNanos();
                    while (used.contains(code)) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            String message = "The MFA code command printed only codes that were already used for "
                                    + wait.toSeconds() + " s; a TOTP code works once. Stopping the job.";
                            err.println("MFA: " + message);
                            throw new MfaCancelledException(message);
                        }
                        pause(Duration.ofNanos(Math.min(POLL_INTERVAL.toNanos(), remaining)), cancel);
                        code = run(command, err, cancel);
                    }
                }
                used.add(code);
                last = code;
                return serial + " " + code;
            }
        };
    }

    /** Asks the person at the terminal for each code; an empty answer stops the job. */
    static MfaCodeSupplier fromConsole(String serial, MfaConsole console, PrintStream err,
                                       CancellationToken cancel) {
        return request -> {
            if (request.refusal() != null) {
                err.println("MFA: " + request.refusal());
            }
            String prompt = "MFA code for " + serial + " (request " + request.requestNumber() + " of "
                    + request.requestsNeedingMfa() + ", empty to stop): ";
            char[] typed = readCancellably(() -> console.readCode(prompt), cancel);
            String code = typed == null ? "" : new String(typed).trim();
            if (code.isEmpty()) {
                throw new MfaCancelledException("No MFA code was entered.");
            }
            return serial + " " + code;
        };
    }

    /** Reads on a daemon thread, so that Ctrl+C can stop the job while the prompt waits. */
    private static char[] readCancellably(java.util.concurrent.Callable<char[]> read, CancellationToken cancel)
            throws MfaCancelledException {
        FutureTask<char[]> task = new FutureTask<>(read);
        Thread reader = new Thread(task, "mfa-code-reader");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            if (cancel.isCancelled()) {
                throw new MfaCancelledException("Cancelled while waiting for an MFA code.");
            }
            try {
                return task.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // ask the token again
            } catch (ExecutionException e) {
                throw new MfaCancelledException("Could not read the MFA code: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MfaCancelledException("Interrupted while waiting for an MFA code.");
            }
        }
    }

    /** Runs the code command once and returns its output, trimmed: the last non-empty line. */
    static String run(String command, PrintStream err, CancellationToken cancel) throws MfaCancelledException {
        Process process;
        try {
            process = new ProcessBuilder(shell(command))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw fail(err, "The MFA code command could not be started: " + e.getMessage());
        }
        try {
            long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    process.destroyForcibly();
                    throw new MfaCancelledException("Cancelled while the MFA code command ran.");
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw fail(err, "The MFA code command did not finish within " + COMMAND_TIMEOUT.toSeconds()
                            + " s.");
                }
            }
            String output;
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), Charset.defaultCharset());
            }
            if (process.exitValue() != 0) {
                throw fail(err, "The MFA code command failed with exit status " + process.exitValue() + ".");
            }
            String code = lastLine(output);
            if (code.isEmpty()) {
                throw fail(err, "The MFA code command printed nothing.");
            }
            return code;
        } catch (IOException e) {
            throw fail(err, "Could not read the MFA code command's output: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MfaCancelledException("Interrupted while the MFA code command ran.");
        }
    }

    static List<String> shell(String command) {
        List<String> args = new ArrayList<>();
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            args.add("cmd");
            args.add("/c");
        } else {
            args.add("sh");
            args.add("-c");
        }
        args.add(command);
        return args;
    }

    private static String lastLine(String output) {
        String code = "";
        for (String line : output.split("\\R")) {
            if (!line.isBlank()) {
                code = line.trim();
            }
        }
        return code;
    }

    private static void pause(Duration duration, CancellationToken cancel) throws MfaCancelledException {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (cancel.isCancelled()) {
                    throw new MfaCancelledException("Cancelled while waiting for a new MFA code.");
                }
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MfaCancelledException("Interrupted while waiting for a new MFA code.");
        }
    }

    private static MfaCancelledException fail(PrintStream err, String message) {
        err.println("MFA: " + message);
        return new MfaCancelledException(message);
    }
}
