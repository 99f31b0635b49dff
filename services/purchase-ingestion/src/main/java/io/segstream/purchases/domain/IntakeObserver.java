package io.segstream.purchases.domain;

import java.time.Duration;
import java.util.List;

/** Told about every intake call, for metrics. */
public interface IntakeObserver {
    IntakeObserver NONE = (path, results, elapsed) -> { };

    void observed(IntakePath path, List<IntakeResult> results, Duration elapsed);
}
