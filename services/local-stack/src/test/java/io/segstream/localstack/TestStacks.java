package io.segstream.localstack;

import java.nio.file.Path;
import java.time.Clock;

/** Stacks for tests of other packages (the bench), signed with a key of their own, never the checkout's. */
public final class TestStacks {
    private TestStacks() {
    }

    /** A stack whose local tokens are signed with a key kept in {@code keyDir} (a test's temporary directory). */
    public static LocalStack withOwnKey(StackSettings settings, Path keyDir) {
        return new LocalStack(settings, new LocalCredentials(keyDir.resolve(LocalCredentials.KEY_FILE),
                Clock.systemUTC()));
    }
}
