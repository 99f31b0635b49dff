package io.segstream.churn.web;

import io.segstream.churn.audit.ChurnAudit;
import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.churn.domain.model.ModelFitException;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The churn model: read the current fit (OPS, MARKETING), or refit now (ADMIN; audited as CHURN_MODEL_FITTED) on
 * the history up to an optional {@code asOf} instant (query parameter or JSON body), e.g. the end of a calibration
 * period of replayed history. Before the first fit GET is a 404 problem with code MODEL_NOT_FITTED; a population
 * that cannot be fitted (nobody bought by {@code asOf}) is a 422 NOT_ENOUGH_DATA, a search that does not converge a
 * 422 MODEL_FIT_FAILED.
 */
@RestController
class ChurnModelController {
    static final String MODEL_NOT_FITTED = "MODEL_NOT_FITTED";
    static final String NOT_ENOUGH_DATA = "NOT_ENOUGH_DATA";
    static final String MODEL_FIT_FAILED = "MODEL_FIT_FAILED";

    private final ModelFitting fitting;
    private final ChurnAudit audit;
    private final Clock clock;
    private final Instant fixedAsOf;

    ChurnModelController(ModelFitting fitting, ChurnAudit audit, Clock clock, ChurnProperties props) {
        this.fitting = fitting;
        this.audit = audit;
        this.clock = clock;
        this.fixedAsOf = props.asOf();
    }

    /** Optional body of the fit request. */
    record FitRequest(String asOf) {
    }

    @GetMapping("/api/v1/churn-model")
    ChurnModelResponse model() {
        return fitting.currentFit().or(fitting::reload).map(ChurnModelResponse::of)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, MODEL_NOT_FITTED,
                        "no churn model has been fitted yet"));
    }

    @PostMapping("/api/v1/churn-model/fit")
    ChurnModelResponse fit(@RequestParam(required = false) String asOf,
                           @RequestBody(required = false) FitRequest body) {
        String requested = asOf != null ? asOf : body == null ? null : body.asOf();
        Instant now = clock.instant();
        Instant cutOff = requested != null ? parse(requested) : fixedAsOf != null ? fixedAsOf : now;
        ModelFit fit;
        try {
            fit = fitting.fit(cutOff, now);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, NOT_ENOUGH_DATA,
                    "the history up to asOf cannot be fitted: no customer with purchases, or no observation time");
        } catch (ModelFitException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, MODEL_FIT_FAILED,
                    "the maximum-likelihood search did not converge");
        }
        audit.modelFitted(fit, ChurnAudit.FitTrigger.REQUEST);
        return ChurnModelResponse.of(fit);
    }

    private static Instant parse(String asOf) {
        try {
            return Instant.parse(asOf);
        } catch (DateTimeException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "asOf is not an ISO-8601 instant");
        }
    }
}
