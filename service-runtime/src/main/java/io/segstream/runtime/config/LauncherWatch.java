package io.segstream.runtime.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Optional;

/**
 * Under the local stack, a service is a child process of the launcher. If the launcher is killed outright (SIGKILL
 * runs no shutdown hook), its children would keep the ports; this watch stops the service gracefully when the
 * launcher's process is gone. Active only when {@code segstream.parent-pid} is set, which production never does.
 */
class LauncherWatch implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LauncherWatch.class);

    private final long parentPid;
    private final Duration interval;
    private final ConfigurableApplicationContext context;
    private volatile Thread thread;

    LauncherWatch(long parentPid, Duration interval, ConfigurableApplicationContext context) {
        this.parentPid = parentPid;
        this.interval = interval;
        this.context = context;
    }

    @Override
    public void start() {
        thread = new Thread(this::watch, "launcher-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            if (parent.isEmpty() || !parent.get().isAlive()) {
                log.warn("the launcher (pid {}) is gone: stopping", parentPid);
                System.exit(SpringApplication.exit(context, () -> 0));
                return;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
