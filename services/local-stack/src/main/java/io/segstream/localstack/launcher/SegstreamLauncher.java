package io.segstream.localstack.launcher;

import io.segstream.localstack.LocalCredentials;
import io.segstream.localstack.SegstreamCommandLine;
import io.segstream.localstack.TokenCommand;
import io.segstream.localstack.bench.BenchCommand;
import io.segstream.localstack.replay.ReplayCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Java side of {@code ./segstream}: {@code run}, {@code replay}, {@code bench}, {@code token}, {@code completion},
 * {@code help}. The bash script runs {@code jmh}, {@code test} and {@code build} itself; they are named here too, so
 * that help and shell completion list every command.
 */
@Command(name = SegstreamCommandLine.LAUNCHER, scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = SegstreamCommandLine.Version.class, synopsisSubcommandLabel = "<command>",
        description = {"Segstream on one machine: run the whole system, replay real purchase histories",
                "into it, benchmark it, make tokens for its APIs.",
                "A command's options: ./segstream help <command>, or ./segstream <command> --help"},
        footerHeading = "%nExamples:%n",
        footer = {"  ./segstream run                  the whole system, with simulated traffic",
                "  ./segstream run --no-demo        without it: other systems publish to it",
                "  SEGSTREAM_KAFKA_PORT=19092 ./segstream run   same as --kafka-port 19092",
                "  ./segstream replay --format cdnow CDNOW_master.txt",
                "  ./segstream bench --quick        results in .segstream/bench-results-<time>.md",
                "  TOKEN=$(./segstream token MARKETING | tail -1)",
                "  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8083/api/v1/segments",
                "  source <(./segstream completion) complete commands and options in bash"})
public final class SegstreamLauncher implements Runnable {
    @Spec
    private CommandSpec spec;

    SegstreamLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path home = Path.of(System.getProperty("segstream.home", ".")).toAbsolutePath().normalize();
        return commandLine(home, System.getenv(), out, err).execute(args.length == 0 ? new String[] {"help"} : args);
    }

    /** Every command of {@code ./segstream}, its options read from {@code args} and SEGSTREAM_* for {@code run}. */
    static CommandLine commandLine(Path home, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine launcher = new CommandLine(new SegstreamLauncher())
                .addSubcommand(new RunCommand(home, out))
                .addSubcommand(ReplayCommand.forCheckout(home, out, err))
                .addSubcommand(new BenchCommand(home, out, err))
                .addSubcommand(new TokenCommand(() -> LocalCredentials.ofCheckout(home), Clock.systemUTC(), out, err))
                .addSubcommand(new CompletionCommand())
                .addSubcommand(scriptCommand("jmh", err, "Micro-benchmarks of the hot pure-Java paths (JMH).",
                        "The benchmarks module's jar is built if missing; options go to JMH, e.g.",
                        "./segstream jmh -f 1 'ProfileUpdate.*'"))
                .addSubcommand(scriptCommand("test", err, "Run every test (the command CI runs: ./mvnw -B verify)."))
                .addSubcommand(scriptCommand("build", err, "Build the executable jars without running tests."))
                .addSubcommand(new HelpCommand());
        launcher.getSubcommands().get("run").setDefaultValueProvider(new RunCommand.EnvironmentDefaults(environment));
        return SegstreamCommandLine.configure(launcher, out, err);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command the bash script runs itself: listed for help and completion, refused if the jar is run directly. */
    private static CommandLine scriptCommand(String name, PrintStream err, String... description) {
        CommandSpec command = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
            err.println("segstream: " + name + " is run by the ./segstream script, not by its jar");
            return CommandLine.ExitCode.USAGE;
        });
        command.name(name).usageMessage().description(description);
        command.parser().unmatchedArgumentsAllowed(true);
        return new CommandLine(command);
    }

    /** {@code ./segstream completion}: bash completion of every command and option, generated from this tree. */
    @Command(name = "completion", description = {"Print a bash completion script for ./segstream.",
            "Use it with: source <(./segstream completion)"})
    static final class CompletionCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(AutoComplete.bash("segstream", spec.root().commandLine()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
