package io.segstream.runtime.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One daemon thread running a service's periodic work (relays, sweeps, refreshes), started and stopped by the
 * component's lifecycle. Stopping waits up to {@code stopWait} so that a pass that is publishing finishes before the
 * Kafka producer and the MongoDB client close.
 */
public final class BackgroundSchedule {
    private final String threadName;
    private final Duration stopWait;
    private ScheduledExecutorService scheduler;

    public BackgroundSchedule(String threadName, Duration stopWait) {
        this.threadName = threadName;
        this.stopWait = stopWait;
    }

    /** Starts the thread; false if it is running already. */
    public synchronized boolean start() {
        if (scheduler != null) {
            return false;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        return true;
    }

    /** Runs the task after {@code initialDelay}, then {@code interval} after each pass ends. */
    public synchronized void every(Duration interval, Duration initialDelay, Runnable task) {
        if (scheduler == null) {
            throw new IllegalStateException(threadName + " is not started");
        }
        scheduler.scheduleWithFixedDelay(task, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the task after {@code initialDelay}, then again after the pause each pass returns (work whose pause
     * depends on how long the pass took). A pass that throws is followed by {@code onFailure}.
     */
    public synchronized void repeat(Duration initialDelay, Duration onFailure, Supplier<Duration> task) {
        if (scheduler == null) {
            throw new IllegalStateException(threadName + " is not started");
        }
        ScheduledExecutorService current = scheduler;
        Runnable[] pass = new Runnable[1];
        pass[0] = () -> {
            Duration pause = onFailure;
            try {
                pause = task.get();
            } finally {
                if (!current.isShutdown()) {
                    current.schedule(pass[0], pause.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        };
        current.schedule(pass[0], initialDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
