package io.segstream.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code --name value}, {@code --name=value} and {@code --flag}; an option not given falls back to the
 * environment variable SEGSTREAM_NAME (upper case, dashes as underscores), then to the default.
 */
public final class CommandLine {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> environment;

    public CommandLine(String[] args, Set<String> flags, Map<String, String> environment) {
        this.environment = environment;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (flags.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
        }
    }

    public List<String> positional() {
        return positional;
    }

    public Set<String> optionNames() {
        return options.keySet();
    }

    public String string(String name, String defaultValue) {
        String value = options.get(name);
        if (value == null) {
            value = environment.get("SEGSTREAM_" + name.toUpperCase().replace('-', '_'));
        }
        return value == null ? defaultValue : value;
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(string(name, "false"));
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String text = string(name, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + text + "'");
        }
    }

    public double decimal(String name, double defaultValue, double min, double max) {
        String text = string(name, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (!(value >= min && value <= max)) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not '" + text + "'");
        }
    }

    public Path path(String name, Path defaultValue) {
        String text = string(name, null);
        return text == null ? defaultValue : Path.of(text);
    }

    /** Thrown for a command line that cannot be understood; the launcher prints it with the usage and exits 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
