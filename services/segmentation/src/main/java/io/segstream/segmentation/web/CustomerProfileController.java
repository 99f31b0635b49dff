package io.segstream.segmentation.web;

import io.segstream.contracts.Ids;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileQueries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * A customer's profile and segments, from the profiles view (which trails the stream by its lag, normally well under
 * a second). Unknown customers are a 404 problem with code CUSTOMER_NOT_FOUND.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class CustomerProfileController {
    static final String CUSTOMER_NOT_FOUND = "CUSTOMER_NOT_FOUND";

    private final ProfileQueries profiles;
    private final DefinitionCatalogue catalogue;
    private final ProfilePolicy policy;
    private final EvaluationClock clock;

    CustomerProfileController(ProfileQueries profiles, DefinitionCatalogue catalogue, ProfilePolicy policy,
                              EvaluationClock clock) {
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping("/profile")
    ProfileResponse profile(@PathVariable String customerId) {
        CustomerProfile profile = find(customerId);
        Instant asOf = clock.now();
        return ProfileResponse.of(profile, catalogue.enrich(profile.figures(asOf, policy)));
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
        return profiles.find(customerId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                CUSTOMER_NOT_FOUND, "no customer with this id is known"));
    }
}
