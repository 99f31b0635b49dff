package io.segstream.segmentation.store;

import io.segstream.segmentation.domain.SegmentDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Copies every definition version read from the topic into the MongoDB view ({@link MongoDefinitionView}) on a
 * thread of its own, so that a slow or absent MongoDB never holds up whoever reads the topic; a version that could
 * not be written is tried again after a pause.
 */
public final class DefinitionsMirror implements Consumer<SegmentDefinition>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DefinitionsMirror.class);

    private final MongoDefinitionView view;
    private final Duration retryAfter;
    private final BlockingQueue<SegmentDefinition> waiting = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public DefinitionsMirror(MongoDefinitionView view, Duration retryAfter) {
        this.view = view;
        this.retryAfter = retryAfter;
        this.thread = new Thread(this::run, "segmentation-definitions-view");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(SegmentDefinition version) {
        waiting.add(version);
    }

    private void run() {
        while (running) {
            try {
                SegmentDefinition next = waiting.take();
                while (running) {
                    try {
                        view.save(next);
                        break;
                    } catch (RuntimeException e) {
                        log.warn("could not copy a definition version to MongoDB ({}); trying again in {}",
                                e.getClass().getSimpleName(), retryAfter);
                        Thread.sleep(retryAfter.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
