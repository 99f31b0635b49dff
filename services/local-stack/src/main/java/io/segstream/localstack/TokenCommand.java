package io.segstream.localstack;

import io.segstream.runtime.security.Role;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./segstream token <ROLE>...}: prints a bearer token the local stack's services accept, signed with the
 * checkout's key. The token alone goes to stdout (so {@code $(./segstream token X)} and {@code | tail -1} both give
 * it); what it is and until when it is valid goes to stderr. No stack needs to be running.
 */
public final class TokenCommand {
    static final String DEFAULT_SUBJECT = "local-cli";
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** A local token is a development convenience: long-lived ones would outlive what they were made for. */
    static final Duration MAX_TTL = Duration.ofDays(30);
    static final String ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
    static final String USAGE = """
            Usage: ./segstream token <ROLE> [<ROLE>...] [--subject NAME] [--ttl DURATION]
              Prints a token for the local stack's APIs (the last line of the output is the bare token), signed with
              this checkout's key in .segstream/local-signing.key (created on first need). No stack needs to run.
              Roles: %s (ADMIN implies every other role).
              --subject NAME    who the token speaks for (its sub and azp: the client of rate limits and audit
                                entries); letters, digits and . _ - : @ (%s)
              --ttl DURATION    how long it is valid: 90s, 30m, 1h, 7d or ISO-8601 (1h, at most 30d)
            Example:
              TOKEN=$(./segstream token MARKETING | tail -1)
              curl -H "Authorization: Bearer $TOKEN" http://localhost:8083/api/v1/segments
            """.formatted(ROLES, DEFAULT_SUBJECT);
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private TokenCommand() {
    }

    public static int run(String[] args, LocalCredentials credentials, PrintStream out, PrintStream err,
                          Clock clock) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String subject;
        Duration ttl;
        try {
            // No fallback to SEGSTREAM_* variables here: a token's contents come from its command line only.
            CommandLine cli = new CommandLine(args, Set.of(), Map.of());
            for (String name : cli.optionNames()) {
                if (!name.equals("subject") && !name.equals("ttl")) {
                    throw new CommandLine.UsageException("unknown option --" + name);
                }
            }
            if (cli.positional().isEmpty()) {
                throw new CommandLine.UsageException("name at least one role: " + ROLES);
            }
            for (String name : cli.positional()) {
                roles.add(role(name));
            }
            subject = cli.string("subject", DEFAULT_SUBJECT);
            if (!SUBJECT.matcher(subject).matches()) {
                throw new CommandLine.UsageException("--subject must be 1 to 100 letters, digits or . _ - : @, not '"
                        + subject + "'");
            }
            ttl = ttl(cli.string("ttl", null));
        } catch (CommandLine.UsageException e) {
            err.println("segstream token: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        String token = credentials.token(subject, roles, ttl);
        err.printf("# local token for '%s' with %s, valid until %s (signed with %s)%n", subject,
                roles.stream().map(Role::name).collect(Collectors.joining(", ")),
                clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), credentials.file());
        out.println(token);
        return 0;
    }

    static Role role(String name) {
        try {
            return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("unknown role '" + name + "'; the roles are " + ROLES);
        }
    }

    static Duration ttl(String text) {
        if (text == null) {
            return DEFAULT_TTL;
        }
        Duration ttl;
        Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            ttl = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                ttl = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new CommandLine.UsageException("--ttl must be like 90s, 30m, 1h, 7d or PT1H, not '" + text + "'");
            }
        }
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new CommandLine.UsageException("--ttl must be between 1s and 30d, not '" + text + "'");
        }
        return ttl;
    }
}
