package io.segstream.runtime.security;

import java.net.http.HttpRequest;

/**
 * Tokens for tests, signed with the key every service module's test configuration (src/test/resources/config/
 * application.yml) gives the local profile. Shipped in service-runtime's test jar.
 */
public final class TestTokens {
    /** Never used outside tests; the local stack generates its own key per checkout. */
    public static final String SIGNING_KEY = "segstream-test-signing-key-not-for-production-use";

    private TestTokens() {
    }

    public static String token(Role... roles) {
        return LocalTokens.issue(SIGNING_KEY, "test-client", roles);
    }

    public static String bearer(Role... roles) {
        return "Bearer " + token(roles);
    }

    /** Adds {@code Authorization: Bearer <token with roles>} to a request being built. */
    public static HttpRequest.Builder authorized(HttpRequest.Builder request, Role... roles) {
        return request.header("Authorization", bearer(roles));
    }
}
