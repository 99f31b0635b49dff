package io.segstream.localstack.demo;

/**
 * Kinds of shopper the demo simulates, so that every segment and churn signal has somebody in it. Rates are per
 * 30 days; a lapsing shopper bought in the past and stops buying during the run.
 */
public enum DemoPersona {
    VIP(6.0, 1.8, 0.10, 9, 10, false, 0.08),
    REGULAR(2.5, 1.0, 0.25, 7, 9, false, 0.45),
    BARGAIN_HUNTER(2.0, 0.6, 0.85, 5, 8, false, 0.20),
    OCCASIONAL(0.6, 0.9, 0.35, 6, 9, false, 0.17),
    LAPSING(1.5, 1.1, 0.30, 0, 6, true, 0.10);

    private final double purchasesPer30Days;
    private final double basketFactor;
    private final double discountShare;
    private final int minNps;
    private final int maxNps;
    private final boolean lapsing;
    private final double populationShare;

    DemoPersona(double purchasesPer30Days, double basketFactor, double discountShare, int minNps, int maxNps,
                boolean lapsing, double populationShare) {
        this.purchasesPer30Days = purchasesPer30Days;
        this.basketFactor = basketFactor;
        this.discountShare = discountShare;
        this.minNps = minNps;
        this.maxNps = maxNps;
        this.lapsing = lapsing;
        this.populationShare = populationShare;
    }

    public double purchasesPer30Days() {
        return purchasesPer30Days;
    }

    public double basketFactor() {
        return basketFactor;
    }

    public double discountShare() {
        return discountShare;
    }

    public int minNps() {
        return minNps;
    }

    public int maxNps() {
        return maxNps;
    }

    public boolean lapsing() {
        return lapsing;
    }

    /** The persona of the customer at a position in [0, 1) of the population. */
    public static DemoPersona at(double position) {
        double cumulative = 0;
        for (DemoPersona persona : values()) {
            cumulative += persona.populationShare;
            if (position < cumulative) {
                return persona;
            }
        }
        return REGULAR;
    }
}
