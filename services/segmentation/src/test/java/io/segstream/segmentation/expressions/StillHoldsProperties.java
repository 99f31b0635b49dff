package io.segstream.segmentation.expressions;

import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.CurrentClass;
import io.segstream.segmentation.domain.CustomerFact;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.RfmScore;
import io.segstream.segmentation.domain.SegmentCatalogue;
import io.segstream.segmentation.domain.SegmentDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class kept without evaluating its conditions (nothing they read changed) is always the class they would give:
 * over arbitrary histories, at every step, on every default definition and on analyst-written ones.
 */
class StillHoldsProperties {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final ProfilePolicy POLICY = new ProfilePolicy(ZoneOffset.UTC, 1000, Duration.ofDays(400), 5,
            500, 90);
    private static final CelDefinitionCompiler COMPILER = new CelDefinitionCompiler(
            new CelDefinitionCompiler.Limits(1000, 30, 200, 1000));
    static final List<Dimension> DIMENSIONS = dimensions();

    private static List<Dimension> dimensions() {
        List<Dimension> all = new ArrayList<>(DefaultCatalogue.definitions(90, 180).stream()
                .map(definition -> COMPILER.compile(definition.withVersion(1, NOW))).toList());
        all.add(COMPILER.compile(SegmentDefinition.audience("toy-buyers", null,
                "profile.categoryShares.exists(c, c.startsWith('toy') && profile.categoryShares[c] > 0.3)")
                .withVersion(1, NOW)));
        all.add(COMPILER.compile(SegmentDefinition.audience("opaque", null,
                "[profile].exists(p, p.purchases30d >= 2)").withVersion(1, NOW)));
        return all;
    }

    @Property(tries = 200)
    void aClassKeptWithoutEvaluationIsTheClassTheConditionsGive(@ForAll("histories") List<CustomerFact> history,
                                                               @ForAll("scores") List<RfmScore> scores) {
        CustomerProfile profile = CustomerProfile.newCustomer("C-1");
        for (int step = 0; step < history.size(); step++) {
            RfmScore score = scores.get(step % scores.size());
            SegmentCatalogue catalogue = new SegmentCatalogue() {
                @Override
                public List<Dimension> dimensions() {
                    return DIMENSIONS;
                }

                @Override
                public ProfileFigures enrich(ProfileFigures figures) {
                    return figures.withRfm(figures.hasPurchased() ? score : null);
                }
            };
            Instant asOf = NOW.plus(Duration.ofDays(step));
            profile.apply(history.get(step), asOf, POLICY, catalogue);
            ProfileFigures figures = catalogue.enrich(profile.figures(asOf.plus(Duration.ofDays(3)), POLICY));
            Map<String, String> segments = profile.segmentsView();
            for (Dimension dimension : DIMENSIONS) {
                CurrentClass current = profile.currentClass(dimension.key()).orElseThrow();
                if (dimension.stillHolds(current, figures, segments)) {
                    assertThat(dimension.classify(figures, segments).className()).as(dimension.key())
                            .isEqualTo(current.className());
                }
            }
        }
    }

    static PurchaseFact purchase(String id, Instant at, String amount, String category) {
        return new PurchaseFact(id, "C-2", PurchaseKind.PURCHASE, at, new BigDecimal(amount), "CNY", "ONLINE",
                "CN-SH", List.of(new CategoryShare(category, BigDecimal.ONE)), null);
    }

    @Provide
    Arbitrary<List<RfmScore>> scores() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 5)).as(RfmScore::of).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<CustomerFact>> histories() {
        Arbitrary<CustomerFact> purchase = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(6),
                Arbitraries.integers().between(0, 500),
                Arbitraries.of("5.00", "120.00", "999.00", "6000.00"),
                Arbitraries.of(true, false, false),
                Arbitraries.of("STORE", "ONLINE", "MOBILE"),
                Arbitraries.of("CN-SH", "CN-GD", "US-CA"),
                Arbitraries.of("toys/blocks", "grocery", "infant-formula"),
                Arbitraries.of(new BigDecimal("0.2000"), null))
                .as((id, daysAgo, amount, refund, channel, region, category, discount) -> (CustomerFact)
                        new PurchaseFact("p-" + id, "C-1", refund ? PurchaseKind.REFUND : PurchaseKind.PURCHASE,
                                NOW.minus(Duration.ofDays(daysAgo)), refund ? new BigDecimal(amount).negate()
                                : new BigDecimal(amount), "CNY", channel, region,
                                List.of(new CategoryShare(category, BigDecimal.ONE)), discount));
        Arbitrary<CustomerFact> feedback = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(6),
                Arbitraries.integers().between(0, 200),
                Arbitraries.of(FeedbackKind.values()),
                Arbitraries.integers().between(0, 10).injectNull(0.3),
                Arbitraries.of("PRICE", "QUALITY", "DELIVERY").list().ofMaxSize(2).uniqueElements())
                .as((id, daysAgo, kind, score, topics) -> (CustomerFact) new FeedbackFact("f-" + id, "C-1", kind,
                        NOW.minus(Duration.ofDays(daysAgo)), score, "NEGATIVE", topics));
        return Arbitraries.oneOf(purchase, purchase, feedback).list().ofMinSize(1).ofMaxSize(15);
    }
}
