package io.segstream.feedback.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Promoters, passives and detractors of a period, and the NPS they give. */
public record NpsTally(long promoters, long passives, long detractors) {
    /** Decimals of the reported NPS. */
    private static final int NPS_SCALE = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final NpsTally NONE = new NpsTally(0, 0, 0);

    public long responses() {
        return promoters + passives + detractors;
    }

    /** 100 x (promoters - detractors) / responses, one decimal, half up; null without responses. */
    public BigDecimal nps() {
        long responses = responses();
        if (responses == 0) {
            return null;
        }
        return HUNDRED.multiply(BigDecimal.valueOf(promoters - detractors))
                .divide(BigDecimal.valueOf(responses), NPS_SCALE, RoundingMode.HALF_UP);
    }

    public NpsTally plus(NpsTally other) {
        return new NpsTally(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }

    public NpsTally plus(NpsCategory category, long count) {
        return switch (category) {
            case PROMOTER -> new NpsTally(promoters + count, passives, detractors);
            case PASSIVE -> new NpsTally(promoters, passives + count, detractors);
            case DETRACTOR -> new NpsTally(promoters, passives, detractors + count);
        };
    }
}
