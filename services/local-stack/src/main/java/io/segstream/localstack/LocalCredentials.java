package io.segstream.localstack;

import io.segstream.runtime.security.LocalTokens;
import io.segstream.runtime.security.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The checkout's local signing key and the tokens the launcher signs with it. One key per checkout, in
 * {@code .segstream/local-signing.key} (gitignored, mode 0600): created on first need, reused afterwards, so tokens
 * from {@code ./segstream token} stay valid across restarts of the stack. The services get it through their
 * environment only (see {@link ServiceProcess}); it never appears on a command line.
 */
public final class LocalCredentials {
    public static final String KEY_FILE = "local-signing.key";
    /** Tokens the launcher's own clients carry (demo, replay, bench) live this long... */
    static final Duration CLIENT_TOKEN_TTL = Duration.ofHours(1);
    /** ...and are re-issued this long before they expire, so a request never carries an expired one. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(10);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path keyFile;
    private final Clock clock;
    private String signingKey;

    LocalCredentials(Path keyFile, Clock clock) {
        this.keyFile = keyFile;
        this.clock = clock;
    }

    /** The credentials of the checkout at {@code home}; nothing is read or created until a key is needed. */
    public static LocalCredentials ofCheckout(Path home) {
        return new LocalCredentials(keyFile(home), Clock.systemUTC());
    }

    /** Where the checkout at {@code home} keeps its key, whatever --data-dir says (--fresh keeps it too). */
    public static Path keyFile(Path home) {
        return home.resolve(".segstream").resolve(KEY_FILE);
    }

    public Path file() {
        return keyFile;
    }

    /** The key, read from its file or, the first time, generated and written there. */
    public synchronized String signingKey() {
        if (signingKey == null) {
            signingKey = readOrCreate(keyFile);
        }
        return signingKey;
    }

    /** A bare token (no "Bearer ") for {@code subject} with {@code roles}, valid for {@code ttl} from now. */
    public String token(String subject, Collection<Role> roles, Duration ttl) {
        return LocalTokens.issue(signingKey(), subject, roles, ttl, clock.instant());
    }

    /**
     * The {@code Authorization} header value for a long-running client of the stack: "Bearer " and a token with
     * {@code roles}, re-issued shortly before it expires. Each client asks only for the roles it needs.
     */
    public Supplier<String> bearer(String subject, Role... roles) {
        return new RenewingBearer(subject, List.of(roles));
    }

    private final class RenewingBearer implements Supplier<String> {
        private final String subject;
        private final List<Role> roles;
        private String header;
        private Instant renewAt = Instant.MIN;

        RenewingBearer(String subject, List<Role> roles) {
            this.subject = subject;
            this.roles = roles;
        }

        @Override
        public synchronized String get() {
            Instant now = clock.instant();
            if (header == null || !now.isBefore(renewAt)) {
                header = "Bearer " + token(subject, roles, CLIENT_TOKEN_TTL);
                renewAt = now.plus(CLIENT_TOKEN_TTL).minus(RENEW_BEFORE);
            }
            return header;
        }
    }

    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (key.getBytes(StandardCharsets.US_ASCII).length < LocalTokens.MIN_KEY_BYTES) {
                throw new IllegalStateException(file + " does not hold a usable signing key (at least "
                        + LocalTokens.MIN_KEY_BYTES + " characters); delete it and a new one is made on the next start");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local signing key " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes a new key to a private temporary file and moves it into place, so nobody reads a half-written key and
     * two launchers starting at once end up with the same one (the second move fails, and its key is discarded).
     */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, KEY_FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, KEY_FILE, ".tmp");
        try {
            Files.writeString(temp, LocalTokens.newSigningKey() + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file);
        } catch (FileAlreadyExistsException e) {
            // another launcher created it meanwhile: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
