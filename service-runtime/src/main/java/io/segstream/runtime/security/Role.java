package io.segstream.runtime.security;

/**
 * The roles of contracts.md, plus {@link #METRICS} for the metrics scraper. A role arrives in a JWT claim (see
 * {@link SecurityProperties#rolesClaim()}) and becomes the authority {@code ROLE_<name>}. {@link #ADMIN} implies
 * every other role.
 */
public enum Role {
    /** Publish purchases and feedback. */
    INGEST,
    /** Read segments and profiles (and the purchases and feedback behind them). */
    MARKETING,
    /** Read and act on churn alerts; read service health details. */
    OPS,
    /** Change segment definitions, refit the churn model, erase customers, read audit trails. */
    ADMIN,
    /** Scrape /actuator/prometheus, nothing else. */
    METRICS;

    public String authority() {
        return "ROLE_" + name();
    }
}
