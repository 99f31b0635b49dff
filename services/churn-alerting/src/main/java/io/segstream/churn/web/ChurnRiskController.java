package io.segstream.churn.web;

import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.ActivityTracking;
import io.segstream.churn.domain.ChurnRiskFigures;
import io.segstream.churn.domain.scoring.ChurnScoring;
import io.segstream.contracts.Ids;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.time.DateTimeException;

import java.time.Clock;
import java.time.Instant;

/**
 * A customer's churn-risk figures, model scores and early-warning reasons, as of the optional {@code asOf} query
 * parameter, else {@code segstream.churn.as-of}, else now. Unknown customers are a 404 problem with code
 * CUSTOMER_NOT_FOUND.
 */
@RestController
class ChurnRiskController {
    static final String CUSTOMER_NOT_FOUND = "CUSTOMER_NOT_FOUND";

    private final ActivityTracking tracking;
    private final Clock clock;
    private final Instant fixedAsOf;

    private final ChurnScoring scoring;
    private final ActivityPolicy policy;

    ChurnRiskController(ActivityTracking tracking, ChurnScoring scoring, ActivityPolicy policy, Clock clock,
                        ChurnProperties props) {
        this.tracking = tracking;
        this.scoring = scoring;
        this.policy = policy;
        this.clock = clock;
        this.fixedAsOf = props.asOf();
    }

    @GetMapping("/api/v1/customers/{customerId}/churn-risk")
    ChurnRiskResponse churnRisk(@PathVariable String customerId,
                                @RequestParam(name = "asOf", required = false) String requestedAsOf) {
        if (!Ids.isValid(customerId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "customerId is not a valid id");
        }
        Instant asOf = requestedAsOf != null ? parse(requestedAsOf) : fixedAsOf != null ? fixedAsOf : clock.instant();
        return tracking.activity(customerId)
                .map(activity -> ChurnRiskResponse.of(ChurnRiskFigures.of(activity, asOf, policy),
                        scoring.assess(activity, asOf)))
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, CUSTOMER_NOT_FOUND,
                        "no customer with this id is known"));
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
