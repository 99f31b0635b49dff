package io.segstream.localstack.bench;

import java.time.Duration;

/** The bench's waits between polls and sends: an interrupt stops the step (and is kept for the caller). */
final class Pause {
    private Pause() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
