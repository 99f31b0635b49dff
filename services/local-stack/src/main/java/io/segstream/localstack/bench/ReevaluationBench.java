package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A definition change and the re-evaluation of every stored profile it starts (segmentation's PUT
 * /api/v1/segments/{key}, then GET /api/v1/recomputations/{id} until it finishes). Both endpoints are probed: if the
 * running segmentation lacks them the figure is reported as not measured, with the reason. The time-based sweep has
 * no on-demand trigger in the contract, so it is reported as not measured.
 */
final class ReevaluationBench {
    static final String STEP = "re-evaluation";
    /** The target is stated over this many profiles. */
    static final long TARGET_PROFILES = 1_000_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofMinutes(15);
    /** value-tier with lower thresholds than the default catalogue's, so many customers move class. */
    static final String CHANGED_VALUE_TIER = """
            {"key":"value-tier","kind":"DIMENSION","description":"Customer value by 12-month net spend (bench: lower thresholds)",
             "classes":[{"name":"HIGH","when":"profile.monetary365d >= 2000.0"},
                        {"name":"MEDIUM","when":"profile.monetary365d >= 300.0"},
                        {"name":"LOW","when":"true"}]}""";

    private ReevaluationBench() {
    }

    static void run(String segmentationUrl, ServiceHttp http, Figures figures, PrintStream progress) {
        progress.println("bench: re-evaluation: changing the value-tier definition");
        long t0 = System.nanoTime();
        ServiceHttp.Answer put = http.put(segmentationUrl + "/api/v1/segments/value-tier", CHANGED_VALUE_TIER);
        if (put.status() == 404 || put.status() == 405) {
            figures.notMeasured(STEP, "re-evaluation after a definition change",
                    "segmentation has no PUT /api/v1/segments/{key} (HTTP " + put.status() + ")");
            sweepNotMeasured(figures);
            return;
        }
        String id = put.status() == 200 ? text(put.body(), "recomputationId") : null;
        if (id == null) {
            figures.notMeasured(STEP, "re-evaluation after a definition change",
                    "PUT /api/v1/segments/value-tier answered HTTP " + put.status() + " without a recomputationId");
            sweepNotMeasured(figures);
            return;
        }
        JsonNode run = null;
        long deadline = t0 + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            ServiceHttp.Answer answer = http.get(segmentationUrl + "/api/v1/recomputations/" + id);
            if (answer.status() == 404 && run == null) {
                // the run may not be stored yet; keep polling until it is or the time is up
            } else if (answer.status() != 200) {
                figures.notMeasured(STEP, "re-evaluation after a definition change",
                        "GET /api/v1/recomputations/{id} answered HTTP " + answer.status());
                sweepNotMeasured(figures);
                return;
            } else {
                run = tree(answer.body());
                String status = run == null ? null : run.path("status").asString();
                if ("FINISHED".equals(status) || "FAILED".equals(status)) {
                    break;
                }
            }
            sleep();
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        if (run == null || !"FINISHED".equals(run.path("status").asString())) {
            figures.notMeasured(STEP, "re-evaluation after a definition change", run == null
                    ? "the re-evaluation never appeared under GET /api/v1/recomputations/" + id
                    : "it ended with status " + run.path("status").asString() + " after "
                    + Figures.seconds(wallSeconds));
            sweepNotMeasured(figures);
            return;
        }
        long total = run.path("total").asLong();
        String serviceTime = "";
        try {
            Duration took = Duration.between(Instant.parse(run.path("startedAt").asString()),
                    Instant.parse(run.path("finishedAt").asString()));
            serviceTime = String.format(Locale.ROOT, ", %.1f s by the service's own startedAt/finishedAt",
                    took.toMillis() / 1000.0);
        } catch (RuntimeException e) {
            // no timestamps: the wall time stands alone
        }
        figures.add(STEP, String.format(Locale.ROOT, "value-tier redefined, %,d profiles re-evaluated%s", total,
                        total < TARGET_PROFILES ? " (the bench's own profiles, not the 1,000,000 of the target)" : ""),
                String.format(Locale.ROOT, "%s wall (PUT to FINISHED)%s, %,d changes, %s", Figures.seconds(wallSeconds),
                        serviceTime, run.path("changes").asLong(), Figures.perSecond(total / wallSeconds, "profiles")));
        sweepNotMeasured(figures);
    }

    private static void sweepNotMeasured(Figures figures) {
        figures.notMeasured(STEP, "time-based sweep",
                "segmentation offers no way to start a sweep on demand (no endpoint in docs/contracts.md)");
    }

    private static JsonNode tree(String json) {
        try {
            return ContractJson.mapper().readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(String json, String field) {
        JsonNode node = tree(json);
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
