package io.segstream.runtime.audit;

import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/v1/audit} (ADMIN): the service's audit log, newest first. */
@RestController
public class AuditController {
    static final int MAX_LIMIT = 500;
    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    public record AuditPage(List<AuditEntry> entries) {
    }

    @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditPage audit(@RequestParam(required = false) String action,
                           @RequestParam(required = false) String subject,
                           @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        return new AuditPage(trail.recent(action, subject, limit));
    }
}
