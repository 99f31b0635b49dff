package io.segstream.segmentation.encoding;

import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.CustomerFact;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.SegmentCatalogue;
import io.segstream.segmentation.expressions.CelDefinitionCompiler;
import io.segstream.segmentation.store.ProfileDocuments;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The profile as the stream stores it: whatever the history (purchases and refunds with categories and discounts,
 * feedback of every kind, folded days and folded feedback, classes with the reasons the default catalogue gives),
 * what is read back is the profile that was written, to the nanosecond and the decimal's scale, and its view
 * document is the same.
 */
class ProfileCodecProperties {
    private static final Instant NOW = Instant.parse("2026-11-20T12:34:56.123456789Z");
    private static final List<Dimension> DEFAULTS = DefaultCatalogue.definitions(90, 180).stream()
            .map(new CelDefinitionCompiler(new CelDefinitionCompiler.Limits(1000, 30, 200, 1000))::compile).toList();
    private static final SegmentCatalogue CATALOGUE = () -> DEFAULTS;

    @Property(tries = 150)
    void aStoredProfileIsReadBackExactly(@ForAll("histories") List<CustomerFact> history,
                                         @ForAll @IntRange(min = 1, max = 8) int keep,
                                         @ForAll @IntRange(min = 0, max = 1000) long version) {
        ProfilePolicy policy = new ProfilePolicy(ZoneOffset.UTC, keep, Duration.ofDays(60), 3, keep, 90);
        CustomerProfile profile = CustomerProfile.newCustomer("C-42");
        history.forEach(fact -> profile.apply(fact, NOW, policy, CATALOGUE));
        profile.planNextReevaluation(CATALOGUE.clockSensitivity(), NOW, policy);

        CustomerProfile read = ProfileCodec.decode(ProfileCodec.encode(profile, version));

        assertThat(read.version()).isEqualTo(version);
        assertThat(read.purchases()).isEqualTo(profile.purchases());
        assertThat(read.earlier()).isEqualTo(profile.earlier());
        assertThat(read.feedback()).isEqualTo(profile.feedback());
        assertThat(read.earlierFeedback()).isEqualTo(profile.earlierFeedback());
        assertThat(read.classes()).containsExactlyElementsOf(profile.classes());
        assertThat(read.nextReevaluationAt()).isEqualTo(profile.nextReevaluationAt());
        assertThat(ProfileCodec.nextReevaluationAt(ProfileCodec.encode(profile))).isEqualTo(
                profile.nextReevaluationAt());
        assertThat(read.reportingCurrency()).isEqualTo(profile.reportingCurrency());
        assertThat(read.figures(NOW, policy)).isEqualTo(profile.figures(NOW, policy));
        assertThat(ProfileDocuments.toDocument(read)).isEqualTo(ProfileDocuments.toDocument(profile));
    }

    @Property(tries = 100)
    void aTruncatedProfileIsRefusedNotMisread(@ForAll("histories") List<CustomerFact> history,
                                              @ForAll @IntRange(min = 1, max = 1000) int cut) {
        CustomerProfile profile = CustomerProfile.newCustomer("C-42");
        ProfilePolicy policy = new ProfilePolicy(ZoneOffset.UTC, 1000, Duration.ofDays(400), 20, 500, 90);
        history.forEach(fact -> profile.apply(fact, NOW, policy, CATALOGUE));
        byte[] whole = ProfileCodec.encode(profile);
        byte[] truncated = java.util.Arrays.copyOf(whole, Math.max(0, whole.length - Math.min(cut, whole.length)));

        assertThatThrownBy(() -> ProfileCodec.decode(truncated)).isInstanceOf(RuntimeException.class);
    }

    @Provide
    Arbitrary<List<CustomerFact>> histories() {
        Arbitrary<CustomerFact> purchase = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(8),
                Arbitraries.longs().between(0, 600L * 86_400_000_000_000L),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("99999.99")).ofScale(2),
                Arbitraries.of(true, false),
                Arbitraries.of("STORE", "ONLINE", "MOBILE", null),
                Arbitraries.of("CN-SH", "CN-BJ", "US-CA", null),
                Arbitraries.of("toys", "books", "grocery/rice", "électronique"),
                Arbitraries.of(new BigDecimal("0.1000"), new BigDecimal("0.25"), null))
                .as((id, nanosAgo, amount, refund, channel, region, category, discount) -> (CustomerFact)
                        new PurchaseFact("p-" + id, "C-42", refund ? PurchaseKind.REFUND : PurchaseKind.PURCHASE,
                                NOW.minusNanos(nanosAgo), refund ? amount.negate() : amount, "CNY", channel, region,
                                List.of(new CategoryShare(category, new BigDecimal("0.7500")),
                                        new CategoryShare("other", new BigDecimal("0.25"))), discount));
        Arbitrary<CustomerFact> feedback = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(8),
                Arbitraries.longs().between(0, 600L * 86_400L),
                Arbitraries.of(FeedbackKind.values()),
                Arbitraries.integers().between(0, 10).injectNull(0.3),
                Arbitraries.of("POSITIVE", "NEUTRAL", "NEGATIVE", null),
                Arbitraries.of("PRICE", "QUALITY", "SERVICE", "DELIVERY").list().ofMaxSize(3).uniqueElements())
                .as((id, secondsAgo, kind, score, sentiment, topics) -> (CustomerFact) new FeedbackFact("f-" + id,
                        "C-42", kind, NOW.minusSeconds(secondsAgo), score, sentiment, topics));
        return Arbitraries.oneOf(purchase, purchase, feedback).list().ofMaxSize(25);
    }
}
