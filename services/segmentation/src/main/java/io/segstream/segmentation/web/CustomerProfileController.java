package io.segstream.segmentation.web;

import io.segstream.contracts.Ids;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.Segmentation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** A customer's profile and segments. Unknown customers are a 404 problem with code CUSTOMER_NOT_FOUND. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class CustomerProfileController {
    static final String CUSTOMER_NOT_FOUND = "CUSTOMER_NOT_FOUND";

    private final Segmentation segmentation;
    private final EvaluationClock clock;

    CustomerProfileController(Segmentation segmentation, EvaluationClock clock) {
        this.segmentation = segmentation;
        this.clock = clock;
    }

    @GetMapping("/profile")
    ProfileResponse profile(@PathVariable String customerId) {
        CustomerProfile profile = find(customerId);
        Instant asOf = clock.now();
        return ProfileResponse.of(profile, segmentation.figures(profile, asOf));
    }

    @GetMapping("/segments")
    SegmentsResponse segments(@PathVariable String customerId) {
        return SegmentsResponse.of(find(customerId));
    }

    private CustomerProfile find(String customerId) {
        if (!Ids.isValid(customerId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "customerId is not a valid id");
        }
        return segmentation.profile(customerId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                CUSTOMER_NOT_FOUND, "no customer with this id is known"));
    }
}
