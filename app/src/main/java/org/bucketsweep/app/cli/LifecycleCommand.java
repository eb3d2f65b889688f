package org.bucketsweep.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bucketsweep.model.connection.S3Connection;
import org.bucketsweep.model.lifecycle.BucketLifecycle;
import org.bucketsweep.model.lifecycle.LifecycleChange;
import org.bucketsweep.model.lifecycle.LifecycleXml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bucketsweep lifecycle list|add|remove}: hand a cleanup to S3 as a lifecycle rule, and take BucketSweep's
 * rules away again. A change is shown (the whole configuration S3 will receive) and confirmed before it is sent.
 */
@Command(name = "lifecycle", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "List, add and remove the lifecycle rules that let S3 clean up by itself.",
        description = {"S3 applies lifecycle rules in the background, however many versions a bucket holds."
                + " BucketSweep's rules have IDs that start with 'bucketsweep-', one per prefix; every other rule"
                + " of the bucket is kept exactly as it is."},
        footerHeading = "%nExamples:%n",
        footer = {"  bucketsweep lifecycle list --profile prod --bucket logs",
                "  bucketsweep lifecycle add --profile prod --bucket logs --prefix app/ \\",
                "      --noncurrent-days 30 --keep-newest 3 --expired-markers --abort-uploads-days 7",
                "  bucketsweep lifecycle remove --profile prod --bucket logs --yes"})
final class LifecycleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Give a subcommand: list, add or remove.");
    }

    /**
     * Shows the change (the XML on stdout, the words on stderr), asks unless {@code yes}, then sends it.
     *
     * @return the exit code: {@link Cli#OK} when sent or when there was nothing to send, {@link Cli#ERROR} when the
     *         person did not confirm
     */
    static int confirmAndApply(CliContext context, S3Connection s3, String bucket, LifecycleChange change,
                               boolean yes) {
        PrintStream err = context.err();
        if (change.changesNothing()) {
            err.println("Nothing to change: bucket " + bucket + " has no rule of BucketSweep's.");
            return Cli.OK;
        }
        int kept = change.kept().size();
        err.println(kept == 0 ? "No other rule is kept." : "The bucket's other " + (kept == 1 ? "rule is" : kept
                + " rules are") + " kept as they are: " + String.join(", ",
                change.kept().stream().map(r -> r.id() == null ? "(no ID)" : r.id()).toList()) + ".");
        if (change.deletesConfiguration()) {
            err.println("No rule is left: the bucket's lifecycle configuration will be deleted"
                    + " (DeleteBucketLifecycle).");
        } else {
            err.println("The lifecycle configuration S3 will receive (PutBucketLifecycleConfiguration):");
            PrintStream out = new PrintStream(context.out(), true, StandardCharsets.UTF_8);
            out.println(LifecycleXml.pretty(change.after()));
            out.flush();
        }
        if (!yes && !confirmed(context, "Apply this to bucket " + bucket + "? [y/N] ")) {
            err.println("Nothing was changed.");
            return Cli.ERROR;
        }
        new BucketLifecycle(s3).apply(bucket, change);
        err.println("Done: bucket " + bucket + " has " + change.after().rules().size() + " lifecycle "
                + (change.after().rules().size() == 1 ? "rule" : "rules") + ".");
        return Cli.OK;
    }

    /** Reads one line from the command's standard input; anything but y or yes, or no input at all, is a no. */
    private static boolean confirmed(CliContext context, String question) {
        context.err().print(question);
        context.err().flush();
        try {
            String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            String answer = line == null ? "" : line.trim().toLowerCase(Locale.ROOT);
            if (line == null) {
                context.err().println();
            }
            return answer.equals("y") || answer.equals("yes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
