package org.bucketsweep.app.cli;

import org.bucketsweep.model.CancellationToken;
import org.bucketsweep.model.delete.DeleteJob;
import org.bucketsweep.model.delete.MfaCodeSupplier;
import org.bucketsweep.model.delete.VersionRef;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The MFA Delete options the commands that delete versions share, and where the codes come from. */
final class MfaOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--mfa-serial", paramLabel = "SERIAL", order = 50,
            description = "The MFA device's serial number or ARN. Makes this an MFA Delete job (as is any job on a"
                    + " bucket with MFA Delete enabled): each request that deletes versions carries"
                    + " 'x-amz-mfa: SERIAL CODE'.")
    String serial;

    @Option(names = "--mfa-code-command", paramLabel = "CMD", order = 51,
            description = {"Run CMD (sh -c; cmd /c on Windows) before each request that needs a code; its output"
                    + " is the code, e.g. 'oathtool --totp -b $MFA_SEED'. A code works once: when CMD prints one"
                    + " already sent, it is run again about once a second until it prints a new one, for at most 35"
                    + " seconds.",
                    "Without it, the codes are typed at the terminal."})
    String codeCommand;

    /** Checks the options alone, before anything is read or sent. */
    void validate() {
        if (serial != null && (serial.isBlank() || serial.trim().chars().anyMatch(Character::isWhitespace))) {
            throw usage("--mfa-serial must be the device's serial number or ARN, without spaces.");
        }
        if (codeCommand != null && serial == null) {
            throw usage("--mfa-code-command needs --mfa-serial SERIAL.");
        }
        if (codeCommand != null && codeCommand.isBlank()) {
            throw usage("--mfa-code-command needs a command.");
        }
    }

    boolean given() {
        return serial != null;
    }

    /** Where the job's codes come from; none when no request of the job names a version. */
    MfaCodeSupplier codes(CliContext context, DeleteJob job, CancellationToken cancel) {
        boolean needsCodes = job.mfaDelete() && job.items().stream().anyMatch(VersionRef::hasVersion);
        if (!needsCodes) {
            return MfaCodeSupplier.NONE;
        }
        if (serial == null) {
            throw new Cli.CliFailure("Bucket " + job.bucket() + " has MFA Delete enabled: deleting versions needs"
                    + " --mfa-serial SERIAL (the MFA device's serial number or ARN), and --mfa-code-command CMD or"
                    + " a terminal to type the codes. Nothing was deleted.");
        }
        if (codeCommand != null) {
            return MfaCodes.fromCommand(serial.trim(), codeCommand, context.mfaCodeWait(), context.err(), cancel);
        }
        MfaConsole console = context.console().get();
        if (console == null) {
            throw new Cli.CliFailure("This job needs an MFA code for each request that deletes versions, and there"
                    + " is no terminal to type them: give --mfa-code-command CMD. Nothing was deleted.");
        }
        return MfaCodes.fromConsole(serial.trim(), console, context.err(), cancel);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
