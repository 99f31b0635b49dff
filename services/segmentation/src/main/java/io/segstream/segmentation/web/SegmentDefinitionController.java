package io.segstream.segmentation.web;

import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.security.Actor;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import io.segstream.segmentation.domain.ConcurrentDefinitionChange;
import io.segstream.segmentation.domain.DefinitionStoreUnavailable;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.InvalidDefinition;
import io.segstream.segmentation.domain.Preview;
import io.segstream.segmentation.domain.ProfileQueries;
import io.segstream.segmentation.domain.Recomputation;
import io.segstream.segmentation.domain.RecomputationLog;
import io.segstream.segmentation.domain.Redefinitions;
import io.segstream.segmentation.domain.SegmentDefinition;
import io.segstream.segmentation.stream.InternalTopicsView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment definitions: list with sizes, members, new versions (PUT: the stream then re-evaluates every customer on
 * it), previews, and the progress of re-evaluations. A definition that does not compile is a 422 problem: code
 * INVALID_EXPRESSION for an expression (with where, line and column), INVALID_DEFINITION for anything else.
 */
@RestController
class SegmentDefinitionController {
    static final String INVALID_EXPRESSION = "INVALID_EXPRESSION";
    static final String INVALID_DEFINITION = "INVALID_DEFINITION";
    static final String SEGMENT_NOT_FOUND = "SEGMENT_NOT_FOUND";
    static final String RECOMPUTATION_NOT_FOUND = "RECOMPUTATION_NOT_FOUND";
    static final String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";
    static final String DEFINITIONS_UNAVAILABLE = "DEFINITIONS_UNAVAILABLE";
    /** Audit action of every stored definition version (subject: the key). */
    static final String DEFINITION_CHANGED = "SEGMENT_DEFINITION_CHANGED";
    /** Largest page of members: a marketing export pages through, it does not fetch everyone at once. */
    private static final int MAX_PAGE_SIZE = 1000;

    private final DefinitionCatalogue catalogue;
    private final Redefinitions redefinitions;
    private final ProfileQueries queries;
    private final InternalTopicsView population;
    private final RecomputationLog runs;
    private final EvaluationClock clock;
    private final AuditTrail audit;

    SegmentDefinitionController(DefinitionCatalogue catalogue, Redefinitions redefinitions, ProfileQueries queries,
                                InternalTopicsView population, RecomputationLog runs, EvaluationClock clock,
                                AuditTrail audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.redefinitions = redefinitions;
        this.queries = queries;
        this.population = population;
        this.runs = runs;
        this.clock = clock;
    }

    @GetMapping("/api/v1/segments")
    Map<String, List<DefinitionResponse>> definitions() {
        return Map.of("segments", catalogue.definitions().stream()
                .map(definition -> DefinitionResponse.of(definition, sizes(definition), null))
                .toList());
    }

    @GetMapping("/api/v1/segments/{key}/members")
    MembersResponse members(@PathVariable String key, @RequestParam(name = "class", required = false) String className,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        SegmentDefinition definition = catalogue.definition(key).orElseThrow(() -> notFound(key));
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "page is 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        String effective = className;
        if (effective == null) {
            if (definition.classNames().size() != 2 || !definition.classNames().contains("true")) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                        "name the class of a dimension with ?class=");
            }
            effective = "true";
        }
        if (!definition.classNames().contains(effective)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "the definition has no such class");
        }
        return new MembersResponse(key, effective, page, size, queries.countIn(key, effective),
                queries.membersOf(key, effective, page, size));
    }

    /**
     * Stores a new version, changed by the caller, and starts its re-evaluation. The audit entry (who, which key,
     * version and kind, which re-evaluation) is written once the version is stored; never the expressions.
     */
    @PutMapping("/api/v1/segments/{key}")
    DefinitionResponse define(@PathVariable String key, @RequestBody DefinitionRequest request) {
        SegmentDefinition stored;
        try {
            stored = redefinitions.define(request.toDefinition(key).changedBy(Actor.current()));
        } catch (InvalidDefinition e) {
            throw invalid(e);
        } catch (ConcurrentDefinitionChange e) {
            throw new ProblemException(HttpStatus.CONFLICT, CONCURRENT_CHANGE,
                    "the definition was changed concurrently; send it again");
        } catch (DefinitionStoreUnavailable e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, DEFINITIONS_UNAVAILABLE,
                    "definitions cannot be stored now (the broker is unreachable); nothing was stored, send it again "
                            + "later");
        }
        String recomputationId = Recomputation.idOf(stored);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", stored.version());
        detail.put("kind", stored.kind().name());
        detail.put("recomputationId", recomputationId);
        audit.record(DEFINITION_CHANGED, stored.key(), detail);
        return DefinitionResponse.of(stored, null, recomputationId);
    }

    @PostMapping("/api/v1/segments/preview")
    Preview preview(@RequestBody DefinitionRequest request) {
        try {
            return redefinitions.preview(request.toDefinition(null), clock.now());
        } catch (InvalidDefinition e) {
            throw invalid(e);
        }
    }

    @GetMapping("/api/v1/recomputations/{id}")
    Recomputation recomputation(@PathVariable String id) {
        return runs.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, RECOMPUTATION_NOT_FOUND,
                "no re-evaluation with this id"));
    }

    /** From the tasks' population summaries: at most {@code rfm.summary-interval} old, no scan of the view. */
    private Map<String, Long> sizes(SegmentDefinition definition) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        definition.classNames().forEach(name -> sizes.put(name, population.population().sizeOf(definition.key(),
                name)));
        return sizes;
    }

    private static ProblemException notFound(String key) {
        return new ProblemException(HttpStatus.NOT_FOUND, SEGMENT_NOT_FOUND, "no segment definition " + key);
    }

    private static ProblemException invalid(InvalidDefinition e) {
        boolean expression = e.where().equals("expression") || e.where().endsWith(".when");
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("where", e.where());
        if (e.line() != null) {
            where.put("line", e.line());
            where.put("column", e.column());
        }
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                expression ? INVALID_EXPRESSION : INVALID_DEFINITION, e.getMessage(), where, null);
    }

    /**
     * @param total customers in the class
     */
    record MembersResponse(String key, @com.fasterxml.jackson.annotation.JsonProperty("class") String className,
                           int page, int size, long total, List<String> customerIds) {
    }
}
