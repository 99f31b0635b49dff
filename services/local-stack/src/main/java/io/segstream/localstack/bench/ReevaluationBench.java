package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A definition change and the re-evaluation of every customer it starts (segmentation's PUT /api/v1/segments/{key},
 * then GET /api/v1/recomputations/{id} until every stream task has finished), with recorded purchases of new
 * customers arriving meanwhile ({@link LatencyProbe}). If the running segmentation lacks the endpoints the figure is
 * reported as not measured, with the reason. The customers are the earlier steps' and those {@link ProfileSeed}
 * made; the time-based sweep is {@link SweepBench}.
 */
final class ReevaluationBench {
    static final String STEP = "re-evaluation";
    /** The target is stated over this many profiles. */
    static final long TARGET_PROFILES = 1_000_000;

    /** Says that a run was smaller than the target's size, between the given text. */
    static String notTheTarget(String before, String after) {
        return String.format(Locale.ROOT, "%snot the %,d of the target%s", before, TARGET_PROFILES, after);
    }
    private static final Duration POLL = Duration.ofMillis(200);
    /** The wait for a run over the pipeline's customers alone ... */
    private static final Duration GIVE_UP = Duration.ofMinutes(15);
    /** ... and one minute more per this many seeded ones, so that a run at the target's size is not cut short. */
    private static final int PROFILES_PER_EXTRA_MINUTE = 50_000;
    /** value-tier with lower thresholds than the default catalogue's, so many customers move class. */
    static final String CHANGED_VALUE_TIER = """
            {"key":"value-tier","kind":"DIMENSION","description":"Customer value by 12-month net spend (bench: lower thresholds)",
             "classes":[{"name":"HIGH","when":"profile.monetary365d >= 2000.0"},
                        {"name":"MEDIUM","when":"profile.monetary365d >= 300.0"},
                        {"name":"LOW","when":"true"}]}""";

    private ReevaluationBench() {
    }

    /** How long to wait for a re-evaluation or a sweep over this many seeded profiles before giving up. */
    static Duration giveUp(int seeded) {
        return GIVE_UP.plusMinutes(seeded / PROFILES_PER_EXTRA_MINUTE);
    }

    /** @return whether the re-evaluation was measured (it finished) */
    static boolean run(String bootstrapServers, int partitions, String segmentationUrl, ServiceHttp http, int seeded,
                       Figures figures, PrintStream progress) {
        progress.println("bench: re-evaluation: changing the value-tier definition");
        try (LatencyProbe probe = new LatencyProbe(bootstrapServers, partitions, "PR", SweepBench.PROBE_RATE, 0)) {
            boolean measured = run(segmentationUrl, http, seeded, figures);
            figures.add(STEP, "events while the re-evaluation ran, send → first change", probe.stop());
            return measured;
        }
    }

    private static boolean run(String segmentationUrl, ServiceHttp http, int seeded, Figures figures) {
        long t0 = System.nanoTime();
        ServiceHttp.Answer put = http.put(segmentationUrl + "/api/v1/segments/value-tier", CHANGED_VALUE_TIER);
        if (put.status() == 404 || put.status() == 405) {
            figures.notMeasured(STEP, "re-evaluation after a definition change",
                    "segmentation has no PUT /api/v1/segments/{key} (HTTP " + put.status() + ")");
            return false;
        }
        String id = put.status() == 200 ? text(put.body(), "recomputationId") : null;
        if (id == null) {
            figures.notMeasured(STEP, "re-evaluation after a definition change",
                    "PUT /api/v1/segments/value-tier answered HTTP " + put.status() + " without a recomputationId");
            return false;
        }
        JsonNode run = null;
        long deadline = t0 + giveUp(seeded).toNanos();
        while (System.nanoTime() < deadline) {
            ServiceHttp.Answer answer = http.get(segmentationUrl + "/api/v1/recomputations/" + id);
            if (answer.status() == 404 && run == null) {
                // the run may not be stored yet; keep polling until it is or the time is up
            } else if (answer.status() != 200) {
                figures.notMeasured(STEP, "re-evaluation after a definition change",
                        "GET /api/v1/recomputations/{id} answered HTTP " + answer.status());
                return false;
            } else {
                run = tree(answer.body());
                String status = run == null ? null : run.path("status").asString();
                if ("FINISHED".equals(status) || "FAILED".equals(status)) {
                    break;
                }
            }
            Pause.sleep(POLL);
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        if (run == null || !"FINISHED".equals(run.path("status").asString())) {
            figures.notMeasured(STEP, "re-evaluation after a definition change", run == null
                    ? "the re-evaluation never appeared under GET /api/v1/recomputations/" + id
                    : "it ended with status " + run.path("status").asString() + " after "
                    + Figures.seconds(wallSeconds));
            return false;
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
        figures.add(STEP, String.format(Locale.ROOT, "value-tier redefined, %,d profiles re-evaluated (%,d of them "
                        + "seeded%s)", total, seeded, total < TARGET_PROFILES ? notTheTarget("; ", "") : ""),
                String.format(Locale.ROOT, "%s wall (PUT to FINISHED)%s, %,d changes, %s", Figures.seconds(wallSeconds),
                        serviceTime, run.path("changes").asLong(), Figures.perSecond(total / wallSeconds, "profiles")));
        return true;
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

}
