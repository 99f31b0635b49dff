package io.segstream.localstack.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every fault injected, with when it happened (printed as it happens and again in the report). */
final class FaultLog {
    record Fault(Instant at, String kind, String target, String detail) {
    }

    private final Instant start = Instant.now();
    private final List<Fault> faults = new ArrayList<>();

    synchronized void injected(String kind, String target, String detail) {
        Fault fault = new Fault(Instant.now(), kind, target, detail);
        faults.add(fault);
        System.out.printf("[fault +%5.1fs] %s %s %s%n", since(fault.at()), kind, target, detail);
    }

    synchronized void note(String what) {
        System.out.printf("[fault +%5.1fs] %s%n", since(Instant.now()), what);
    }

    synchronized Map<String, Integer> byKind() {
        Map<String, Integer> kinds = new TreeMap<>();
        faults.forEach(f -> kinds.merge(f.kind(), 1, Integer::sum));
        return kinds;
    }

    synchronized int total() {
        return faults.size();
    }

    synchronized List<Fault> all() {
        return List.copyOf(faults);
    }

    double since(Instant at) {
        return Duration.between(start, at).toMillis() / 1000.0;
    }
}
