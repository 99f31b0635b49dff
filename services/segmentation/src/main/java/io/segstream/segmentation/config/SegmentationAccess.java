package io.segstream.segmentation.config;

import io.segstream.runtime.security.EndpointAccess;
import io.segstream.runtime.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint of this service (contracts.md, "HTTP APIs"): MARKETING reads profiles, segments,
 * members, previews and re-evaluation progress; only ADMIN stores a new definition version (ADMIN implies
 * MARKETING). service-runtime adds the common endpoints (erasure and audit: ADMIN; health and info: OPS; prometheus:
 * METRICS); anything no rule names is refused, so a new endpoint is closed until it gets a rule here.
 */
@Configuration(proxyBeanMethods = false)
class SegmentationAccess {

    @Bean
    EndpointAccess segmentationEndpointAccess() {
        return EndpointAccess.builder()
                .allow(HttpMethod.GET, "/api/v1/customers/{customerId}/profile", Role.MARKETING)
                .allow(HttpMethod.GET, "/api/v1/customers/{customerId}/segments", Role.MARKETING)
                .allow(HttpMethod.GET, "/api/v1/segments", Role.MARKETING)
                .allow(HttpMethod.GET, "/api/v1/segments/{key}/members", Role.MARKETING)
                .allow(HttpMethod.GET, "/api/v1/recomputations/{id}", Role.MARKETING)
                // A preview writes nothing: marketing may try a definition before asking for it to be stored.
                .allow(HttpMethod.POST, "/api/v1/segments/preview", Role.MARKETING)
                .allow(HttpMethod.PUT, "/api/v1/segments/{key}", Role.ADMIN)
                .build();
    }
}
