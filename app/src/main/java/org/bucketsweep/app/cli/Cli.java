package org.bucketsweep.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.bucketsweep.model.S3Failure;
import org.bucketsweep.model.lifecycle.LifecycleException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The command line, for scripts and for reproducing a job: list-versions, usage, delete, list-uploads,
 * abort-uploads, delete-bucket and lifecycle. Exit codes: 0 all done, 2 some items failed or were not attempted,
 * 1 a usage or connection error (with a message on stderr, never a stack trace).
 */
@Command(name = "bucketsweep", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Delete objects, versions and delete markers in S3 and S3-compatible storage.",
                "Without a command, bucketsweep opens its window."},
        footerHeading = "%nExamples:%n",
        footer = {"  bucketsweep list-versions --profile prod --bucket logs > v.jsonl",
                "  bucketsweep usage --profile prod --bucket logs --depth 2",
                "  bucketsweep delete --profile prod --bucket logs --items v.jsonl --results r.jsonl",
                "  bucketsweep abort-uploads --profile prod --bucket logs --older-than-days 7",
                "  bucketsweep lifecycle add --profile prod --bucket logs --noncurrent-days 30",
                "  bucketsweep help delete"})
public final class Cli implements Runnable {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int INCOMPLETE = 2;

    private static final Set<String> COMMANDS = Set.of("list-versions", "usage", "delete", "list-uploads",
            "abort-uploads", "delete-bucket", "lifecycle", "help", "--version");

    @Spec
    CommandSpec spec;

    private Cli() {
    }

    /** Whether these arguments are for the command line rather than the window. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs one command on this process's streams; for the launcher, which passes the result to System.exit.
     * Call it before anything logs: logback's own status messages then go to stderr, away from the JSON Lines.
     */
    public static int runOnConsole(String[] args) {
        System.setProperty("logback.statusListenerClass", LogbackStatusToStderr.class.getName());
        return run(args, CliContext.system());
    }

    /** Runs one command and returns its exit code; never calls System.exit. */
    public static int run(String[] args, CliContext context) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(context.err(), true);
        CommandLine cli = commandLine(context);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Cli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, context));
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new Cli());
        cli.addSubcommand("list-versions", new ListVersionsCommand(context));
        cli.addSubcommand("usage", new UsageCommand(context));
        cli.addSubcommand("delete", new DeleteCommand(context));
        cli.addSubcommand("list-uploads", new ListUploadsCommand(context));
        cli.addSubcommand("abort-uploads", new AbortUploadsCommand(context));
        cli.addSubcommand("delete-bucket", new DeleteBucketCommand(context));
        cli.addSubcommand("lifecycle", new CommandLine(new LifecycleCommand())
                .addSubcommand("list", new LifecycleListCommand(context))
                .addSubcommand("add", new LifecycleAddCommand(context))
                .addSubcommand("remove", new LifecycleRemoveCommand(context)));
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        return cli;
    }

    /** Without a command (only reachable in-process: the launcher opens the window then). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ParameterException(spec.commandLine(), "Give a command: list-versions, usage, delete, list-uploads,"
                + " abort-uploads, delete-bucket or lifecycle.");
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("Error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ERROR;
    }

    /** Any failure while running: one or two lines on stderr, the details in the log file. */
    private static int failure(Exception e, CliContext context) {
        if (e instanceof CliFailure failure) {
            context.err().println("Error: " + failure.getMessage());
        } else if (e instanceof LifecycleException lifecycle) {
            context.err().println("Error: " + lifecycle.failure().summary());
            if (lifecycle.failure().hint() != null) {
                context.err().println("Hint: " + lifecycle.failure().hint());
            }
        } else if (e instanceof JsonLines.OutputFailedException output) {
            context.err().println("Error: could not write the output: " + output.getMessage());
        } else if (e instanceof SdkException || e.getCause() instanceof SdkException) {
            S3Failure failure = S3Failure.of(e instanceof SdkException ? e : e.getCause());
            context.err().println("Error: " + failure.summary());
            if (failure.hint() != null) {
                context.err().println("Hint: " + failure.hint());
            }
        } else if (e instanceof UncheckedIOException io) {
            context.err().println("Error: " + io.getCause().getMessage());
        } else {
            // To the log file only: the console shows WARN and above, and a person gets no stack trace.
            LoggerFactory.getLogger(Cli.class).info("The command failed", e);
            context.err().println("Error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        context.err().flush();
        return ERROR;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {
                    "bucketsweep " + (version == null ? "(development build)" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** A failure with a message for the person, printed without a stack trace. */
    static final class CliFailure extends RuntimeException {
        CliFailure(String message) {
            super(message);
        }
    }

}
