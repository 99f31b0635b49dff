package io.segstream.churn.config;

import io.segstream.runtime.security.EndpointAccess;
import io.segstream.runtime.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call churn-alerting's endpoints (contracts.md): ops read and act on alerts; marketing reads a customer's
 * churn risk and the model; only ADMIN refits the model. ADMIN implies every role. service-runtime adds the common
 * rules (erasure and audit log: ADMIN; health and info: OPS; prometheus: METRICS); anything no rule names is refused.
 */
@Configuration(proxyBeanMethods = false)
class ChurnAccessConfiguration {

    @Bean
    EndpointAccess churnAccess() {
        return EndpointAccess.builder()
                .allow(HttpMethod.GET, "/api/v1/alerts", Role.OPS)
                // Programme figures (counts and the win-back rate) belong with the alerts: ops.
                .allow(HttpMethod.GET, "/api/v1/alerts/stats", Role.OPS)
                .allow(HttpMethod.POST, "/api/v1/alerts/{alertId}/acknowledge", Role.OPS)
                .allow(HttpMethod.POST, "/api/v1/alerts/{alertId}/resolve", Role.OPS)
                .allow(HttpMethod.GET, "/api/v1/customers/{customerId}/churn-risk", Role.OPS, Role.MARKETING)
                .allow(HttpMethod.GET, "/api/v1/churn-model", Role.OPS, Role.MARKETING)
                .allow(HttpMethod.POST, "/api/v1/churn-model/fit", Role.ADMIN)
                .build();
    }
}
