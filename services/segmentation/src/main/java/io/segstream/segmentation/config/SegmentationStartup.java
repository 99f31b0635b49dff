package io.segstream.segmentation.config;

import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.store.ProfileViewWriter;
import io.segstream.segmentation.stream.InternalTopicsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts, before the stream (an earlier lifecycle phase than the binder's): the view of the internal topics, the
 * definitions (seeding an empty topic, so that no event is ever classified without them: the start waits until
 * they are stored, retrying while the broker is away), and the writer of the profiles view. Stops them after it.
 */
@Component
class SegmentationStartup implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentationStartup.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final InternalTopicsView topics;
    private final DefinitionCatalogue catalogue;
    private final ProfileViewWriter viewWriter;
    private volatile boolean running;
    private final AtomicBoolean reloadRequested = new AtomicBoolean();
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-catalogue-reload");
        thread.setDaemon(true);
        return thread;
    });

    SegmentationStartup(InternalTopicsView topics, DefinitionCatalogue catalogue, ProfileViewWriter viewWriter) {
        this.topics = topics;
        this.catalogue = catalogue;
        this.viewWriter = viewWriter;
        // A version stored through another instance is in force here as soon as this instance reads it; reloaded off
        // the reading thread (a reload may wait for that thread to read a version), coalesced.
        topics.onDefinition(record -> {
            if (reloadRequested.compareAndSet(false, true)) {
                reloads.execute(() -> {
                    reloadRequested.set(false);
                    try {
                        catalogue.reload();
                    } catch (RuntimeException e) {
                        log.warn("could not reload the segment definitions ({})", e.getClass().getSimpleName());
                    }
                });
            }
        });
    }

    @Override
    public void start() {
        topics.start();
        while (true) {
            try {
                catalogue.reload();
                break;
            } catch (RuntimeException e) {
                log.warn("could not read or seed the segment definitions yet ({}: {}); trying again in {}",
                        e.getClass().getSimpleName(), e.getMessage(), RETRY);
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while seeding the segment definitions", e);
                }
            }
        }
        viewWriter.start();
        running = true;
    }

    @Override
    public void stop() {
        viewWriter.close();
        reloads.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the binder's stream (which starts in the last phase before the web server's graceful shutdown). */
    @Override
    public int getPhase() {
        return 0;
    }
}
