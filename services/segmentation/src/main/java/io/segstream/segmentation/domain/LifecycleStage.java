package io.segstream.segmentation.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer lifecycle dimension (客户生命周期), first cut: silence decides first, then the number of purchase
 * days. Rules, in order:
 * <ol>
 *   <li>never bought (only refunds or nothing seen yet): PROSPECT;</li>
 *   <li>recency at or beyond {@code churnedAfterDays}: CHURNED;</li>
 *   <li>recency at or beyond {@code atRiskAfterDays}: AT_RISK;</li>
 *   <li>one purchase day: NEW;</li>
 *   <li>otherwise (a repeat buyer, recently): ACTIVE.</li>
 * </ol>
 * Mature, loyal and won-back stages are definitions of the catalogue ({@code DefaultCatalogue}), not built in.
 */
public final class LifecycleStage implements Dimension {
    public static final String KEY = "lifecycle";
    public static final long DEFINITION_VERSION = 1;

    /** The classes of this dimension. */
    public enum Stage { PROSPECT, NEW, ACTIVE, AT_RISK, CHURNED }

    private final int atRiskAfterDays;
    private final int churnedAfterDays;

    public LifecycleStage(int atRiskAfterDays, int churnedAfterDays) {
        if (atRiskAfterDays < 1 || churnedAfterDays <= atRiskAfterDays) {
            throw new IllegalArgumentException(
                    "lifecycle thresholds need 0 < at-risk-after < churned-after, got " + atRiskAfterDays + " and "
                            + churnedAfterDays);
        }
        this.atRiskAfterDays = atRiskAfterDays;
        this.churnedAfterDays = churnedAfterDays;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public long definitionVersion() {
        return DEFINITION_VERSION;
    }

    @Override
    public ClockSensitivity clockSensitivity() {
        return new ClockSensitivity(java.util.Set.of((long) atRiskAfterDays, (long) churnedAfterDays),
                java.util.Set.of(), false);
    }

    @Override
    public ClassAssignment classify(ProfileFigures figures) {
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("purchaseDays", figures.purchaseDays());
        if (!figures.hasPurchased()) {
            return new ClassAssignment(Stage.PROSPECT.name(), reason);
        }
        int recency = figures.recencyDays();
        reason.put("recencyDays", recency);
        if (recency >= churnedAfterDays) {
            reason.put("churnedAfterDays", churnedAfterDays);
            return new ClassAssignment(Stage.CHURNED.name(), reason);
        }
        if (recency >= atRiskAfterDays) {
            reason.put("atRiskAfterDays", atRiskAfterDays);
            return new ClassAssignment(Stage.AT_RISK.name(), reason);
        }
        return new ClassAssignment(figures.purchaseDays() == 1 ? Stage.NEW.name() : Stage.ACTIVE.name(), reason);
    }
}
