package io.segstream.localstack;

import io.segstream.runtime.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./segstream token <ROLE>...}: prints a bearer token the local stack's services accept, signed with the
 * checkout's key. The token alone goes to stdout (so {@code $(./segstream token X)} and {@code | tail -1} both give
 * it); what it is and until when it is valid goes to stderr. No stack needs to be running. No fallback to SEGSTREAM_*
 * variables here: a token's contents come from its command line only.
 */
@Command(name = "token", sortOptions = false,
        description = {"Print a token for the local stack's APIs (the last line: the bare token).",
                "It is signed with this checkout's key, .segstream/local-signing.key (created on",
                "first need). No stack needs to run.",
                "Roles: INGEST, MARKETING, OPS, ADMIN, METRICS (ADMIN implies every other role)."},
        footerHeading = "%nExample:%n",
        footer = {"  TOKEN=$(./segstream token MARKETING | tail -1)",
                "  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8083/api/v1/segments"})
public final class TokenCommand implements Callable<Integer> {
    static final String DEFAULT_SUBJECT = "local-cli";
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** A local token is a development convenience: long-lived ones would outlive what they were made for. */
    static final Duration MAX_TTL = Duration.ofDays(30);
    static final String ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ROLE", arity = "1..*",
            description = "The roles the token carries, in any case: INGEST, MARKETING, OPS, ADMIN, METRICS.")
    List<String> roles;
    @Option(names = "--subject", paramLabel = "NAME", defaultValue = DEFAULT_SUBJECT,
            description = "Who the token speaks for (its sub and azp: the client of rate limits and audit entries);"
                    + " letters, digits and . _ - : @ (default: ${DEFAULT-VALUE}).")
    String subject;
    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h", converter = TtlConverter.class,
            description = "How long it is valid: 90s, 30m, 1h, 7d or ISO-8601, at most 30d (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    private final Supplier<LocalCredentials> credentials;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code credentials} is asked for only when the command line is valid: a refused one makes no key. */
    public TokenCommand(Supplier<LocalCredentials> credentials, Clock clock, PrintStream out, PrintStream err) {
        this.credentials = credentials;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code token} on its own, as {@code ./segstream token} would. */
    public static int run(String[] args, LocalCredentials credentials, PrintStream out, PrintStream err,
                          Clock clock) {
        return SegstreamCommandLine.execute(new TokenCommand(() -> credentials, clock, out, err), out, err, args);
    }

    @Override
    public Integer call() {
        if (!SUBJECT.matcher(subject).matches()) {
            throw new ParameterException(spec.commandLine(),
                    "--subject must be 1 to 100 letters, digits or . _ - : @, not '" + subject + "'");
        }
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (String name : roles) {
            granted.add(role(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown role '" + name + "'; the roles are " + ROLES)));
        }
        LocalCredentials signer = credentials.get();
        String token = signer.token(subject, granted, ttl);
        err.printf("# local token for '%s' with %s, valid until %s (signed with %s)%n", subject,
                granted.stream().map(Role::name).collect(Collectors.joining(", ")),
                clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS), signer.file());
        out.println(token);
        return 0;
    }

    static Optional<Role> role(String name) {
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(name.trim().toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    static Duration ttl(String text) {
        if (text == null) {
            return DEFAULT_TTL;
        }
        Duration parsed;
        Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            parsed = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                parsed = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("--ttl must be like 90s, 30m, 1h, 7d or PT1H, not '" + text + "'");
            }
        }
        if (parsed.compareTo(Duration.ofSeconds(1)) < 0 || parsed.compareTo(MAX_TTL) > 0) {
            throw new TypeConversionException("--ttl must be between 1s and 30d, not '" + text + "'");
        }
        return parsed;
    }

    static final class TtlConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return ttl(value);
        }
    }
}
