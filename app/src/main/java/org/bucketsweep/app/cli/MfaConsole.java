package org.bucketsweep.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Locale;

/** Where a person types an MFA code, without it being echoed. */
@FunctionalInterface
public interface MfaConsole {

    /**
     * Shows {@code prompt} and reads one line without echoing it.
     *
     * @return what was typed, or {@code null} at the end of input
     */
    char[] readCode(String prompt);

    /**
     * The terminal, or {@code null} when there is none. Java's console needs both standard input and output to be
     * a terminal; when output is redirected ({@code > results.jsonl}) the code is read from {@code /dev/tty}.
     */
    static MfaConsole system() {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            return prompt -> {
                System.err.print(prompt);
                System.err.flush();
                return console.readPassword();
            };
        }
        return devTty();
    }

    /** On Java 22 and later System.console() is not null when redirected; isTerminal() tells. */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true; // before Java 22 there is a console only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static MfaConsole devTty() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return null;
        }
        try {
            // Opening fails (ENXIO) when the process has no controlling terminal.
            new FileInputStream("/dev/tty").close();
        } catch (IOException e) {
            return null;
        }
        return prompt -> {
            System.err.print(prompt);
            System.err.flush();
            stty("-echo");
            try (BufferedReader tty = new BufferedReader(
                    new InputStreamReader(new FileInputStream("/dev/tty"), Charset.defaultCharset()))) {
                String line = tty.readLine();
                return line == null ? null : line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                stty("echo");
                System.err.println();
            }
        };
    }

    private static void stty(String mode) {
        try {
            new ProcessBuilder("sh", "-c", "stty " + mode + " < /dev/tty")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            // Without stty the code is echoed; it is a one-time code.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
