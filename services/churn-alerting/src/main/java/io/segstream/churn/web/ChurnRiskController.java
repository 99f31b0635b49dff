package io.segstream.churn.web;

import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.ActivityTracking;
import io.segstream.contracts.Ids;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/** A customer's churn-risk figures. Unknown customers are a 404 problem with code CUSTOMER_NOT_FOUND. */
@RestController
class ChurnRiskController {
    static final String CUSTOMER_NOT_FOUND = "CUSTOMER_NOT_FOUND";
    private static final Pattern ID = Pattern.compile(Ids.PATTERN);

    private final ActivityTracking tracking;
    private final Clock clock;
    private final Instant fixedAsOf;

    ChurnRiskController(ActivityTracking tracking, Clock clock, ChurnProperties props) {
        this.tracking = tracking;
        this.clock = clock;
        this.fixedAsOf = props.asOf();
    }

    @GetMapping("/api/v1/customers/{customerId}/churn-risk")
    ChurnRiskResponse churnRisk(@PathVariable String customerId) {
        if (!ID.matcher(customerId).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "customerId is not a valid id");
        }
        Instant asOf = fixedAsOf != null ? fixedAsOf : clock.instant();
        return tracking.churnRisk(customerId, asOf).map(ChurnRiskResponse::of)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, CUSTOMER_NOT_FOUND,
                        "no customer with this id is known"));
    }
}
