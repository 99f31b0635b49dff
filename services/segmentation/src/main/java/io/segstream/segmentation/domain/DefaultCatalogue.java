package io.segstream.segmentation.domain;

import java.util.List;

import static io.segstream.segmentation.domain.SegmentDefinition.audience;
import static io.segstream.segmentation.domain.SegmentDefinition.dimension;

/**
 * The catalogue a new installation starts with: every dimension of the domain brief and three audiences, as CEL
 * definitions (version 1 of each key). From then on they are data: analysts change them with PUT. The README lists
 * every expression.
 */
public final class DefaultCatalogue {

    private DefaultCatalogue() {
    }

    /**
     * @param atRiskAfterDays  lifecycle silence that makes a customer AT_RISK (segstream.segmentation.lifecycle.*)
     * @param churnedAfterDays lifecycle silence that makes a customer CHURNED
     */
    public static List<SegmentDefinition> definitions(int atRiskAfterDays, int churnedAfterDays) {
        return List.of(
                dimension("value-tier", "Customer value by 12-month net spend", List.of(
                        rule("HIGH", "profile.monetary365d >= 5000.0"),
                        rule("MEDIUM", "profile.monetary365d >= 1000.0"),
                        rule("LOW", "true"))),
                dimension("frequency-tier", "Orders in the last 365 days", List.of(
                        rule("HIGH", "profile.purchases365d >= 12"),
                        rule("MEDIUM", "profile.purchases365d >= 4"),
                        rule("LOW", "profile.purchases365d >= 1"),
                        rule("NONE", "true"))),
                dimension("lifecycle", "Lifecycle stage from first and last purchase, tenure, cadence and silence",
                        List.of(
                        rule("PROSPECT", "profile.purchaseDays == 0"),
                        rule("CHURNED", "profile.recencyDays >= " + churnedAfterDays),
                        rule("AT_RISK", "profile.recencyDays >= " + atRiskAfterDays),
                        rule("WON_BACK", "segments['lifecycle'] in ['CHURNED', 'WON_BACK']"
                                + " && profile.purchases90d <= 2"),
                        rule("NEW", "profile.purchaseDays == 1"),
                        rule("LOYAL", "profile.tenureDays >= 365 && profile.purchases365d >= 6"),
                        rule("MATURE", "profile.tenureDays >= 180 && profile.purchaseDays >= 4"),
                        rule("ACTIVE", "true"))),
                rfm(),
                dimension("category-preference", "How concentrated spend is on the favourite category"
                        + " (the reason names it)", List.of(
                        rule("NONE", "!has(profile.topCategory)"),
                        rule("FOCUSED", "profile.categoryShares[profile.topCategory] >= 0.6"),
                        rule("VARIED", "size(profile.categoryShares) >= 3"),
                        rule("MIXED", "true"))),
                dimension("price-sensitivity", "Share of discounted orders, discount depth and price level",
                        List.of(
                        rule("UNKNOWN", "profile.frequency == 0"),
                        rule("PRICE_SENSITIVE", "profile.discountedOrderShare >= 0.5 || profile.discountDepth >= 0.2"),
                        rule("PREMIUM", "profile.discountedOrderShare < 0.1 && profile.averageOrderValue >= 500.0"),
                        rule("NEUTRAL", "true"))),
                dimension("channel-preference", "Where the customer buys", List.of(
                        rule("NONE", "!has(profile.topChannel)"),
                        rule("OMNICHANNEL", "profile.channelCount >= 2"
                                + " && profile.channelShares[profile.topChannel] < 0.8"),
                        rule("ONLINE", "profile.topChannel in ['ONLINE', 'MARKETPLACE']"),
                        rule("MOBILE", "profile.topChannel == 'MOBILE_APP'"),
                        rule("IN_STORE", "profile.topChannel == 'STORE'"),
                        rule("OTHER", "true"))),
                dimension("region", "Region bought in most (the reason names it)", List.of(
                        rule("UNKNOWN", "!has(profile.topRegion)"),
                        rule("EAST_CHINA", "profile.topRegion in ['CN-SH', 'CN-JS', 'CN-ZJ', 'CN-AH', 'CN-FJ',"
                                + " 'CN-JX', 'CN-SD']"),
                        rule("NORTH_CHINA", "profile.topRegion in ['CN-BJ', 'CN-TJ', 'CN-HE', 'CN-SX', 'CN-NM']"),
                        rule("SOUTH_CHINA", "profile.topRegion in ['CN-GD', 'CN-GX', 'CN-HI']"),
                        rule("OTHER_CHINA", "profile.topRegion.startsWith('CN-')"),
                        rule("INTERNATIONAL", "true"))),
                dimension("needs-focus", "The topic the customer's feedback raises most", List.of(
                        rule("NONE", "!has(profile.topTopic)"),
                        rule("QUALITY", "profile.topTopic in ['QUALITY', 'PRODUCT_RANGE']"),
                        rule("PRICE", "profile.topTopic == 'PRICE'"),
                        rule("SERVICE", "profile.topTopic == 'SERVICE'"),
                        rule("DELIVERY", "profile.topTopic == 'DELIVERY'"),
                        rule("OTHER", "true"))),
                dimension("satisfaction", "NPS, CSAT, complaints and referrals", List.of(
                        rule("DETRACTOR", "(has(profile.npsLatest) && profile.npsLatest <= 6)"
                                + " || profile.complaintsRecent >= 1"
                                + " || (has(profile.csatLatest) && profile.csatLatest <= 2)"),
                        rule("ADVOCATE", "profile.referralsMade >= 1"),
                        rule("PROMOTER", "has(profile.npsLatest) && profile.npsLatest >= 9"),
                        rule("PASSIVE", "has(profile.npsLatest)"),
                        rule("SATISFIED", "has(profile.csatLatest) && profile.csatLatest >= 4"),
                        rule("UNKNOWN", "true"))),
                audience("high-value-at-risk", "High value customers going quiet",
                        "segments['value-tier'] == 'HIGH' && profile.recencyDays > 60"),
                audience("price-sensitive-detractors", "Price-sensitive customers who are unhappy",
                        "segments['price-sensitivity'] == 'PRICE_SENSITIVE' && segments['satisfaction'] == 'DETRACTOR'"),
                audience("omnichannel-loyal", "Loyal customers who buy in several channels",
                        "segments['channel-preference'] == 'OMNICHANNEL'"
                                + " && segments['lifecycle'] in ['LOYAL', 'MATURE']"));
    }

    /**
     * RFM segments from the quintile scores: each segment's cells of the {@link RfmSegment} table as codes
     * r * 10 + fm, so the classes partition the 25 cells; customers who never bought have no scores (UNSCORED).
     */
    static SegmentDefinition rfm() {
        List<ClassRule> rules = new java.util.ArrayList<>();
        for (RfmSegment segment : RfmSegment.values()) {
            rules.add(rule(segment.name(), "profile.rScore * 10 + profile.fmScore in " + segment.cells()));
        }
        rules.add(rule("UNSCORED", "true"));
        return dimension("rfm", "RFM segment from recency, frequency and monetary quintiles of the population",
                rules);
    }

    private static ClassRule rule(String name, String when) {
        return new ClassRule(name, when);
    }
}
