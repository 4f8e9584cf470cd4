package org.coverageengine.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: serve FHIR, evaluate lines, look codes up, check imports. */
@Command(name = "coverage-policy-engine", mixinStandardHelpOptions = true, version = "Coverage Policy Engine 0.1.0",
        description = "Will this plan pay for this procedure, for this diagnosis, on this date, and if not, why?",
        subcommands = {ServeCommand.class, EvaluateCommand.class, LookupCommand.class, ImportCommand.class, TestCommand.class, LintCommand.class, DiffCommand.class, BatchCommand.class,
            ImpactCommand.class, GenerateClaimsCommand.class, ReportCommand.class, WebUserCommand.class, CommandLine.HelpCommand.class})
public final class CoverageEngineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams and returns its exit code. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new CoverageEngineCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CoverageEngineCommand::usageError);
        return commandLine.execute(args);
    }

    /**
     * A usage error prints what is wrong (with picocli's suggestion for a mistyped option) and where to read more:
     * the whole usage would bury the one line that matters.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
