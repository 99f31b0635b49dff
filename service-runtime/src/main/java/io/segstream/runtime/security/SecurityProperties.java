package io.segstream.runtime.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Access control settings, under {@code segstream.security}. Production validates OAuth2 bearer JWTs with Boot's
 * standard {@code spring.security.oauth2.resourceserver.jwt.*} settings (issuer-uri or jwk-set-uri, audiences);
 * these settings say where the roles are and how the local stack signs its own tokens.
 *
 * @param rolesClaim the claim holding the caller's roles: a list or a space-separated string. A name with dots is
 *                   tried as one claim first (Auth0's {@code https://example.com/roles}), then as a path into
 *                   nested claims ({@code realm_access.roles} for Keycloak)
 * @param local      the local stack's own tokens, honoured only with the {@code local} Spring profile
 * @param rateLimit  per-client request limits on the ingestion endpoints
 */
@ConfigurationProperties("segstream.security")
public record SecurityProperties(
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue Local local,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param signingKey HMAC-SHA256 secret (at least 32 bytes) that signs and verifies local tokens; empty disables
     *                   local tokens. The launcher generates one per checkout in .segstream/local-signing.key.
     * @param issuer     the {@code iss} of local tokens, checked on every request
     * @param audience   the {@code aud} of local tokens, checked on every request
     */
    public record Local(
            @DefaultValue("") String signingKey,
            @DefaultValue(LocalTokens.ISSUER) String issuer,
            @DefaultValue(LocalTokens.AUDIENCE) String audience) {

        public boolean enabled() {
            return signingKey != null && !signingKey.isBlank();
        }
    }

    /**
     * A token bucket per client (the JWT's {@code azp}, else {@code client_id}, else {@code sub}).
     *
     * @param enabled           false turns the limits off
     * @param paths             request paths that are limited (Spring path patterns); each service lists its intake
     * @param requestsPerSecond sustained requests per second per client; a fraction is kept to six decimals
     * @param burst             requests a client may make at once after being idle
     * @param maxClients        most clients tracked at once; beyond it, those least likely to come back are forgotten
     * @param idleAfter         a client's bucket is dropped after this long without a request
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue List<String> paths,
            @DefaultValue("200") double requestsPerSecond,
            @DefaultValue("400") int burst,
            @DefaultValue("10000") int maxClients,
            @DefaultValue("10m") Duration idleAfter) {
    }
}
