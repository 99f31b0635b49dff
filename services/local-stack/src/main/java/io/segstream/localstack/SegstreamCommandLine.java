package io.segstream.localstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What every {@code ./segstream} command shares: where it prints, how a wrong command line is refused (the message,
 * then the command's usage, exit code 2: nothing is started) and how a failure the user can act on is reported (one
 * line, exit code 1, no stack trace).
 */
public final class SegstreamCommandLine {
    /** How users start the commands; usage text names it so that it can be copied. */
    public static final String LAUNCHER = "./segstream";
    /** A failure while running (a port in use, an unreadable file): reported in one line. */
    public static final int FAILED = 1;
    /** Usage text is wrapped to this many columns: wide enough for most options' line and their defaults. */
    private static final int USAGE_WIDTH = 100;

    private SegstreamCommandLine() {
    }

    /** Makes {@code commandLine} and its subcommands print to {@code out}/{@code err} and refuse wrong input alike. */
    public static CommandLine configure(CommandLine commandLine, PrintStream out, PrintStream err) {
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // The terminal's width when picocli can tell it, else USAGE_WIDTH columns.
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setUsageHelpAutoWidth(true);
        // Friendlier than picocli's "'x' is not an int": the option is named by picocli in front of this.
        commandLine.registerConverter(Integer.class, SegstreamCommandLine::wholeNumber);
        commandLine.registerConverter(Integer.TYPE, SegstreamCommandLine::wholeNumber);
        commandLine.registerConverter(Double.class, SegstreamCommandLine::number);
        commandLine.registerConverter(Double.TYPE, SegstreamCommandLine::number);
        commandLine.setParameterExceptionHandler(SegstreamCommandLine::refuse);
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalStateException || e instanceof UncheckedIOException) {
                command.getErr().println("segstream: " + e.getMessage());
                return FAILED;
            }
            throw e;
        });
        return commandLine;
    }

    /**
     * Runs one command on its own, as {@code ./segstream <name> args} would (usage and messages name the launcher), for
     * callers that run a single command: the bench's replay step and tests.
     */
    public static int execute(Object command, PrintStream out, PrintStream err, String... args) {
        CommandLine launcher = launcherOf(command, out, err);
        return launcher.execute(withName(launcher, args));
    }

    /** Parses {@code args} into {@code command}'s fields without running it; a wrong command line throws. */
    public static <T> T parse(T command, String... args) {
        CommandLine launcher = launcherOf(command, System.out, System.err);
        launcher.parseArgs(withName(launcher, args));
        return command;
    }

    private static CommandLine launcherOf(Object command, PrintStream out, PrintStream err) {
        // Under the launcher's own command, so that the command inherits --help and --version as with ./segstream.
        CommandLine launcher = new CommandLine(new Launcher());
        launcher.addSubcommand(command);
        return configure(launcher, out, err);
    }

    private static String[] withName(CommandLine launcher, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = launcher.getSubcommands().keySet().iterator().next();
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** {@code value} if it lies within [min, max]; otherwise the command line is refused naming the option. */
    public static int within(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** {@code value} if it lies within [min, max]; otherwise the command line is refused naming the option. */
    public static double within(CommandSpec spec, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static int refuse(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage();
        if (command.getParent() == null && e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        }
        err.println(command.getCommandSpec().qualifiedName().replaceFirst("^\\./", "") + ": " + message);
        UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, not '" + text + "'");
        }
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a number, not '" + text + "'");
        }
    }

    /** The launcher's command as the parent of a command parsed alone, so that it inherits --help and --version. */
    @Command(name = LAUNCHER, scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
            versionProvider = Version.class)
    static final class Launcher {
    }

    /** The version the build wrote into the jar's manifest; a build from the IDE or the tests has none. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SegstreamCommandLine.class.getPackage().getImplementationVersion();
            return new String[] {"segstream " + (version == null ? "(development build)" : version)};
        }
    }
}
